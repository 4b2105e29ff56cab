import type { Db } from "@/lib/db/client";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import type { ApiPrincipal } from "./api-access";
import { verifyApiKey } from "./api-keys";
import { isWellFormedApiKey } from "./api-keys-secret";
import type { Capability } from "./roles";

/**
 * What an API key may do: read. A key has no user behind it and usually lives in another system's config,
 * so it never changes data, manages users or settings, or creates more keys.
 */
export const API_KEY_CAPABILITIES: readonly Capability[] = ["analytics:read", "customers:read", "support:read"];

export function apiKeyMayUse(capability: Capability): boolean {
  return API_KEY_CAPABILITIES.includes(capability);
}

/**
 * The token of an `Authorization: Bearer <token>` header ("" when the token is missing), or null when there
 * is no such header, or it uses another scheme (the session then decides). The scheme name is
 * case-insensitive (RFC 9110).
 */
export function bearerToken(authorization: string | null): string | null {
  const match = /^bearer(?:\s+(.*))?$/i.exec(authorization?.trim() ?? "");
  return match ? (match[1] ?? "").trim() : null;
}

/**
 * The caller of a read API request that carries a Bearer key, or null when it carries none. Throws 401 for a
 * malformed, unknown or revoked key and 403 when the capability is not a read one. Messages never repeat the
 * key: they end up in clients' logs.
 */
export async function principalFromBearer(
  db: Db,
  authorization: string | null,
  capability: Capability,
  now: Date = new Date(),
): Promise<ApiPrincipal | null> {
  const token = bearerToken(authorization);
  if (token === null) return null;
  if (!isWellFormedApiKey(token)) {
    throw new Unauthenticated(
      "Malformed API key. Send `Authorization: Bearer <key>` with a key from Settings → API keys (it starts with `tnr_`).",
    );
  }
  const verified = await verifyApiKey(db, token, now);
  if (!verified) {
    throw new Unauthenticated(
      "This API key is unknown or was revoked. A workspace admin can create a new one in Settings → API keys.",
    );
  }
  if (!apiKeyMayUse(capability)) {
    throw new Forbidden(
      "API keys can only read analytics, customer and support data. Sign in as a user whose role allows this.",
    );
  }
  return { via: "api_key", workspace: verified.workspace, userId: null };
}
