import "server-only";
import { getDb } from "@/lib/db";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { principalFromBearer } from "./api-keys-access";
import { type Capability, can } from "./roles";
import { getViewer } from "./session";

/** Who is calling a read API route: a signed-in user, or an API key of the workspace. */
export type ApiPrincipal = {
  via: "session" | "api_key";
  workspace: { id: string; timeZone: string; currency: string };
  /** The user for session calls; null for API keys. */
  userId: string | null;
};

/**
 * For read API route handlers. A request with `Authorization: Bearer <key>` is authenticated by that key
 * alone (a session cookie sent along is ignored, so a key never borrows a user's role); keys may only use
 * read capabilities. Any other request needs the session cookie and a role with the capability. Throws typed
 * errors (401/403) that errorResponse maps.
 */
export async function requireApiAccess(request: Request, capability: Capability): Promise<ApiPrincipal> {
  const byKey = await principalFromBearer(await getDb(), request.headers.get("authorization"), capability);
  if (byKey) return byKey;
  const viewer = await getViewer();
  if (!viewer) throw new Unauthenticated("Sign in or send an API key as `Authorization: Bearer <key>`.");
  if (!can(viewer.role, capability)) {
    throw new Forbidden(`Your role (${viewer.role}) cannot do this. Ask a workspace admin for access.`);
  }
  return { via: "session", workspace: viewer.workspace, userId: viewer.userId };
}
