import { sql } from "drizzle-orm";
import { blockedValueSet, isBlocked } from "@/lib/customers/blocked";
import { identitySettings } from "@/lib/customers/identity-settings";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { WorkspaceSettings } from "@/lib/db/schema";
import type { IngestOutcome, IngestTarget, RawItem, RejectedEvent } from "../ingest-types";
import type { MessageType } from "../message";
import { recordProblems } from "../store";
import { BLOCKED_ONLY_MESSAGE, validateBatch } from "../validate";
import { encodeInboxMessage, type InboxMessage } from "./codec";
import type { InboxLanes, LaneIdentity } from "./lanes";

/**
 * The fast half of the tracking API under load: validates the batch, refuses what can be refused without
 * the profiles (invalid messages, events whose every identifier is blocked) and commits the rest to
 * ingest_inbox in one INSERT. When this returns, the events are durable; the drain (./drain.ts) turns them
 * into events, identities, rollups and facts. Duplicates of stored messageIds are dropped by the drain, so
 * `duplicates` is always 0 here and `accepted` counts what was queued.
 */
export async function acceptBatch(
  db: Db,
  target: IngestTarget,
  items: readonly RawItem[],
  options: { receivedAt: Date; batchSentAt?: Date | null; defaultType?: MessageType; lanes?: InboxLanes },
): Promise<IngestOutcome> {
  const { valid, rejected } = validateBatch(items, options);
  const [workspace] = await rows<{ settings: WorkspaceSettings }>(
    db,
    sql`select settings from workspaces where id = ${target.workspaceId}`,
  );
  if (!workspace) throw new Error(`unknown workspace ${target.workspaceId}`);
  const blocked = blockedValueSet(identitySettings(workspace.settings).blockedIdentityValues);
  const usable = (value: string | null) => value !== null && !isBlocked(value, blocked);
  const queued: { message: InboxMessage; identity: LaneIdentity }[] = [];
  for (const v of valid) {
    const identity = {
      userId: usable(v.message.userId) ? v.message.userId : null,
      anonymousId: usable(v.message.anonymousId) ? v.message.anonymousId : null,
    };
    if (identity.userId !== null || identity.anonymousId !== null)
      queued.push({ message: encodeInboxMessage(v.message, v.index), identity });
    else
      rejected.push({
        index: v.index,
        messageId: v.message.messageId,
        reason: "missing_identity",
        message: BLOCKED_ONLY_MESSAGE,
      });
  }
  const assigned = options.lanes
    ? await options.lanes.assign(
        db,
        target.workspaceId,
        queued.map((q) => q.identity),
      )
    : queued.map(() => 0);
  const byLane = new Map<number, InboxMessage[]>();
  queued.forEach((q, i) => {
    const lane = assigned[i]!;
    const messages = byLane.get(lane) ?? [];
    messages.push(q.message);
    byLane.set(lane, messages);
  });
  // One row per lane, all in one statement: the batch is committed (or not) as a whole.
  const insert = sql`
    insert into ingest_inbox (workspace_id, source_id, received_at, lane, messages, event_count)
    values ${sql.join(
      [...byLane].map(
        ([lane, messages]) =>
          sql`(${target.workspaceId}::uuid, ${target.sourceId}::uuid, ${options.receivedAt.toISOString()}::timestamptz,
               ${lane}::smallint, ${JSON.stringify(messages)}::json, ${messages.length}::int)`,
      ),
      sql`, `,
    )}
  `;
  if (rejected.length === 0) {
    if (queued.length > 0) await db.execute(insert);
  } else {
    const payloads = rejected.map((r) => ({ ...r, payload: items[r.index]?.raw }));
    await db.transaction(async (tx) => {
      if (queued.length > 0) await tx.execute(insert);
      await recordProblems(tx, target, options.receivedAt, payloads);
    });
  }
  return { accepted: queued.length, duplicates: 0, rejected: sortByIndex(rejected) };
}

function sortByIndex(rejected: RejectedEvent[]) {
  return rejected.sort((a, b) => a.index - b.index);
}
