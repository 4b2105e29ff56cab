import "server-only";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { type Capability, can } from "./roles";
import { getViewer } from "./session";

/** Who is calling a read API route: a signed-in user, or (later in this file) an API key of the workspace. */
export type ApiPrincipal = {
  via: "session" | "api_key";
  workspace: { id: string; timeZone: string; currency: string };
  /** The user for session calls; null for API keys. */
  userId: string | null;
};

/**
 * For read API route handlers: accepts the session cookie, checks the role's capability and throws typed
 * errors (401/403) otherwise. API keys (`Authorization: Bearer …`) are accepted here too once they exist.
 */
export async function requireApiAccess(_request: Request, capability: Capability): Promise<ApiPrincipal> {
  const viewer = await getViewer();
  if (!viewer) throw new Unauthenticated("Sign in or send an API key as `Authorization: Bearer <key>`.");
  if (!can(viewer.role, capability)) {
    throw new Forbidden(`Your role (${viewer.role}) cannot do this. Ask a workspace admin for access.`);
  }
  return { via: "session", workspace: viewer.workspace, userId: viewer.userId };
}
