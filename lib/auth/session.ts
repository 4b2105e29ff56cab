import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { authOptions } from "./options";
import { type Capability, can } from "./roles";
import { loadViewer, type Viewer } from "./viewer";

export type { Viewer } from "./viewer";

/** The signed-in, still active user of this request, or null. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; workspaceId?: string } | undefined;
  if (!user?.id || !user.workspaceId) return null;
  return loadViewer(await getDb(), user.id, user.workspaceId);
}

/** For pages: sends signed-out visitors to the login page and renders 403 for a role without access. */
export async function requirePageRole(capability: Capability): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (!can(viewer.role, capability)) forbidden();
  return viewer;
}

/** For route handlers and server actions: throws typed errors that the adapter maps to 401/403. */
export async function requireRole(capability: Capability): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new Unauthenticated("Sign in to continue.");
  if (!can(viewer.role, capability)) {
    throw new Forbidden(`Your role (${viewer.role}) cannot do this. Ask a workspace admin for access.`);
  }
  return viewer;
}
