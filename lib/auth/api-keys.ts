import "server-only";
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys, auditLog, users, workspaces } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";
import { apiKeyPrefix, generateApiKey, hashApiKey, isWellFormedApiKey } from "./api-keys-secret";

/** An API key as admins see it: never the secret, never its hash. */
export type ApiKeySummary = {
  id: string;
  name: string;
  /** The key's first characters (`tnr_` and 8 more), to tell keys apart. */
  prefix: string;
  /** Null when the admin who created it has since been deleted. */
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
  /** Accurate to a minute: see LAST_USED_RESOLUTION_MS. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** What creating a key returns: the only time the secret exists outside the caller's hands. */
export type CreatedApiKey = { apiKey: ApiKeySummary; secret: string };

/** The workspace an accepted key reads. */
export type VerifiedApiKey = {
  keyId: string;
  workspace: { id: string; timeZone: string; currency: string };
};

/**
 * last_used_at is written at most once a minute per key: a dashboard polling the API would otherwise turn
 * every read into a write (and a locked row) for a column people read as "used today?".
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates a key, audited in the same transaction. The secret is returned here and never again. */
export async function createApiKey(
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  name: string,
): Promise<CreatedApiKey> {
  const secret = generateApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ workspaceId, name, prefix: apiKeyPrefix(secret), secretHash: hashApiKey(secret), createdBy })
      .returning({ id: apiKeys.id });
    if (!row) throw new Error("inserting the API key returned nothing");
    const apiKey = await getApiKey(tx, workspaceId, row.id);
    // The prefix identifies the key in the audit log; the secret and its hash never go there.
    await audit(tx, workspaceId, createdBy, "api_key.created", apiKey);
    return { apiKey, secret };
  });
}

/** Active keys first (oldest first, so the list does not reshuffle), then revoked ones. */
export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKeySummary[]> {
  const rows = await selectSummaries(db)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, asc(apiKeys.createdAt), asc(apiKeys.id));
  return rows.map(toSummary);
}

/** One key of the workspace; another workspace's key is "not found", never "forbidden". */
export async function getApiKey(db: Db, workspaceId: string, keyId: string): Promise<ApiKeySummary> {
  const [row] = await selectSummaries(db).where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, keyId)));
  if (!row) throw new NotFound("That API key does not exist in this workspace");
  return toSummary(row);
}

/**
 * Stops the key for good; it stays listed for history. Revoking again changes nothing and audits nothing:
 * the update only matches a key that is still active, so two admins revoking at once audit it once.
 */
export async function revokeApiKey(
  db: Db,
  workspaceId: string,
  actorUserId: string | null,
  keyId: string,
  now: Date = new Date(),
): Promise<ApiKeySummary> {
  return db.transaction(async (tx) => {
    const before = await getApiKey(tx, workspaceId, keyId);
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning({ revokedAt: apiKeys.revokedAt });
    if (!revoked) return getApiKey(tx, workspaceId, keyId);
    await audit(tx, workspaceId, actorUserId, "api_key.revoked", before);
    return { ...before, revokedAt: revoked.revokedAt };
  });
}

/**
 * The workspace a presented key belongs to, or null for a malformed, unknown or revoked key. The key is
 * hashed before the lookup, so the database compares hashes, not secrets: how long the unique-index lookup
 * takes tells a caller nothing about which characters of a real key they guessed right.
 */
export async function verifyApiKey(
  db: Db,
  presentedKey: string,
  now: Date = new Date(),
): Promise<VerifiedApiKey | null> {
  if (!isWellFormedApiKey(presentedKey)) return null;
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      lastUsedAt: apiKeys.lastUsedAt,
      workspaceId: workspaces.id,
      timeZone: workspaces.timeZone,
      currency: workspaces.currency,
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.secretHash, hashApiKey(presentedKey)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await recordUse(db, row.keyId, now);
  }
  return { keyId: row.keyId, workspace: { id: row.workspaceId, timeZone: row.timeZone, currency: row.currency } };
}

/** The condition repeats the check in SQL so concurrent requests that all saw a stale value write once. */
async function recordUse(db: Db, keyId: string, now: Date) {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, staleBefore))));
}

function selectSummaries(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      creatorId: users.id,
      creatorName: users.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .$dynamic();
}

type SummaryRow = Omit<ApiKeySummary, "createdBy"> & { creatorId: string | null; creatorName: string | null };

function toSummary(row: SummaryRow): ApiKeySummary {
  const { creatorId, creatorName, ...rest } = row;
  return { ...rest, createdBy: creatorId && creatorName !== null ? { id: creatorId, name: creatorName } : null };
}

async function audit(db: Db, workspaceId: string, actorUserId: string | null, action: string, key: ApiKeySummary) {
  await db
    .insert(auditLog)
    .values({ workspaceId, actorUserId, action, target: key.id, details: { name: key.name, prefix: key.prefix } });
}
