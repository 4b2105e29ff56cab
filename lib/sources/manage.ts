import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, sources } from "@/lib/db/schema";
import { Invalid } from "@/lib/errors";
import type { NewSource, SourceChanges } from "./schema";
import { getSource, type Source } from "./sources";
import { generateWriteKey, writeKeyHint } from "./write-key";

// Every change is written with its audit row in one transaction: an audit log that can miss a key rotation
// is no audit log. Audit details carry a key's last characters, never the key.

export async function createSource(db: Db, workspaceId: string, actorUserId: string | null, input: NewSource) {
  return db.transaction(async (tx): Promise<Source> => {
    const [row] = await tx
      .insert(sources)
      .values({ workspaceId, name: input.name, writeKey: generateWriteKey() })
      .returning();
    if (!row) throw new Error("inserting the source returned nothing");
    await audit(tx, workspaceId, actorUserId, "source.created", row.id, {
      name: row.name,
      keyHint: writeKeyHint(row.writeKey),
    });
    return toSource(row);
  });
}

/** Replaces the write key; the old key stops resolving as soon as this commits. Returns the new key. */
export async function rotateWriteKey(db: Db, workspaceId: string, actorUserId: string | null, sourceId: string) {
  return db.transaction(async (tx): Promise<Source> => {
    const before = await getSource(tx, workspaceId, sourceId);
    if (before.revokedAt) {
      throw new Invalid("This source is revoked and its key cannot be replaced. Create a new source instead.");
    }
    const writeKey = generateWriteKey();
    await tx
      .update(sources)
      .set({ writeKey })
      .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, sourceId)));
    await audit(tx, workspaceId, actorUserId, "source.key_rotated", sourceId, {
      name: before.name,
      previousKeyHint: writeKeyHint(before.writeKey),
      keyHint: writeKeyHint(writeKey),
    });
    return { ...before, writeKey };
  });
}

/**
 * Stops the key from working for good. The source stays, so its events, rejections and audit history keep
 * their name; revoking twice changes nothing and audits once.
 */
export async function revokeSource(db: Db, workspaceId: string, actorUserId: string | null, sourceId: string) {
  return db.transaction(async (tx): Promise<Source> => {
    const before = await getSource(tx, workspaceId, sourceId);
    if (before.revokedAt) return before;
    const revokedAt = new Date();
    await tx
      .update(sources)
      .set({ revokedAt })
      .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, sourceId)));
    await audit(tx, workspaceId, actorUserId, "source.revoked", sourceId, {
      name: before.name,
      keyHint: writeKeyHint(before.writeKey),
    });
    return { ...before, revokedAt };
  });
}

/** Renames a source and/or sets its rate limit (null: the default); each actual change is audited. */
export async function updateSource(
  db: Db,
  workspaceId: string,
  actorUserId: string | null,
  sourceId: string,
  changes: SourceChanges,
) {
  return db.transaction(async (tx): Promise<Source> => {
    const before = await getSource(tx, workspaceId, sourceId);
    const after = { ...before };
    if (changes.name !== undefined && changes.name !== before.name) {
      after.name = changes.name;
      await audit(tx, workspaceId, actorUserId, "source.renamed", sourceId, { from: before.name, to: changes.name });
    }
    if (changes.rateLimitPerSecond !== undefined && changes.rateLimitPerSecond !== before.rateLimitPerSecond) {
      after.rateLimitPerSecond = changes.rateLimitPerSecond;
      await audit(tx, workspaceId, actorUserId, "source.rate_limit_changed", sourceId, {
        name: after.name,
        from: before.rateLimitPerSecond,
        to: changes.rateLimitPerSecond,
      });
    }
    if (after.name !== before.name || after.rateLimitPerSecond !== before.rateLimitPerSecond) {
      await tx
        .update(sources)
        .set({ name: after.name, rateLimitPerSecond: after.rateLimitPerSecond })
        .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, sourceId)));
    }
    return after;
  });
}

async function audit(
  db: Db,
  workspaceId: string,
  actorUserId: string | null,
  action: string,
  sourceId: string,
  details: Record<string, unknown>,
) {
  await db.insert(auditLog).values({ workspaceId, actorUserId, action, target: sourceId, details });
}

function toSource(row: typeof sources.$inferSelect): Source {
  return {
    id: row.id,
    name: row.name,
    writeKey: row.writeKey,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    rateLimitPerSecond: row.rateLimitPerSecond,
  };
}
