import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { withRetry } from "../retry";
import { type StoreEntry, storeMessages } from "../store";
import { decodeInboxMessage, type InboxMessage } from "./codec";

/**
 * Events per drain transaction. Identity lookup, event insert, rollups and facts are each one statement per
 * chunk, so a larger chunk spends less per event. Measured in-process on 20,000 known customers
 * (scripts/bench/profile-batch.ts, PROFILE_ACCEPT=1): 2,500 → 7,400 events/s, 5,000 → 8,300, 10,000 → 10,700,
 * 20,000 → 10,400. A 10,000-event transaction holds its customers' row locks for about a second.
 */
export const DRAIN_CHUNK_EVENTS = 10_000;
/** Rows that failed this often alone are left in the inbox for an operator instead of blocking the queue. */
export const MAX_DRAIN_ATTEMPTS = 5;
const CLAIM_ROWS = 200;

export type DrainResult = { events: number; rows: number; ids: number[] };

/**
 * Moves the oldest accepted batches from ingest_inbox into events, identities, rollups and facts, in one
 * transaction that also deletes them: a crash or an error leaves them in the inbox to be drained again, and
 * a batch drained twice is harmless anyway (messageIds are unique per workspace). Rows are locked with SKIP
 * LOCKED, so several drainers (processes) can share the inbox; each takes them in the order received.
 */
export async function drainInboxOnce(
  db: Db,
  options: {
    maxEvents?: number;
    maxRows?: number;
    /** Only rows of this lane (lanes.ts); rows written with more lanes than `of` fall to lane `lane % of`. */
    lane?: { index: number; of: number };
    onClaim?: (ids: readonly number[]) => void;
  } = {},
): Promise<DrainResult> {
  const maxEvents = options.maxEvents ?? DRAIN_CHUNK_EVENTS;
  return withRetry(() =>
    db.transaction(async (tx) => {
      const candidates = await rows<{ id: number; event_count: number }>(
        tx,
        sql`select id, event_count from ingest_inbox where attempts < ${MAX_DRAIN_ATTEMPTS}
            ${options.lane ? sql`and lane % ${options.lane.of} = ${options.lane.index}` : sql``}
            order by id limit ${options.maxRows ?? CLAIM_ROWS} for update skip locked`,
      );
      const ids: number[] = [];
      let events = 0;
      for (const c of candidates) {
        if (ids.length > 0 && events + c.event_count > maxEvents) break;
        ids.push(Number(c.id));
        events += c.event_count;
      }
      if (ids.length === 0) return { events: 0, rows: 0, ids };
      options.onClaim?.(ids);
      const claimed = await rows<{
        id: number;
        workspace_id: string;
        source_id: string | null;
        received_at: string | Date;
        messages: string;
      }>(
        tx,
        sql`delete from ingest_inbox where id = any(${`{${ids.join(",")}}`}::bigint[])
            returning id, workspace_id, source_id, received_at, messages::text as messages`,
      );
      const now = new Date();
      for (const group of groupByTarget(claimed)) {
        await storeMessages(tx, group.target, group.entries, [], now);
      }
      return { events, rows: ids.length, ids };
    }),
  );
}

/** Batches of one workspace and source form one store call, in the order they were accepted. */
function groupByTarget(
  claimed: readonly {
    id: number;
    workspace_id: string;
    source_id: string | null;
    received_at: string | Date;
    messages: string;
  }[],
) {
  const groups = new Map<string, { target: { workspaceId: string; sourceId: string | null }; entries: StoreEntry[] }>();
  for (const row of [...claimed].sort((a, b) => Number(a.id) - Number(b.id))) {
    const key = `${row.workspace_id}|${row.source_id ?? ""}`;
    const group = groups.get(key) ?? {
      target: { workspaceId: row.workspace_id, sourceId: row.source_id },
      entries: [],
    };
    const receivedAt = new Date(row.received_at);
    for (const stored of JSON.parse(row.messages) as InboxMessage[]) {
      group.entries.push({ ...decodeInboxMessage(stored), receivedAt });
    }
    groups.set(key, group);
  }
  return groups.values();
}

/** Counts a failed attempt on rows that failed on their own (see MAX_DRAIN_ATTEMPTS). */
export async function markDrainFailure(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return;
  await db.execute(
    sql`update ingest_inbox set attempts = attempts + 1 where id = any(${`{${ids.join(",")}}`}::bigint[])`,
  );
}

/** Events accepted and waiting for the drain (rows given up on are not waiting), for one workspace or all. */
export async function inboxBacklog(db: Db, workspaceId?: string): Promise<number> {
  const workspace = workspaceId ? sql`and workspace_id = ${workspaceId}` : sql``;
  const [row] = await rows<{ events: number }>(
    db,
    sql`select coalesce(sum(event_count), 0)::int as events from ingest_inbox
        where attempts < ${MAX_DRAIN_ATTEMPTS} ${workspace}`,
  );
  return row?.events ?? 0;
}

/**
 * Drains until the inbox is empty (or only rows past MAX_DRAIN_ATTEMPTS remain). Tests and scripts call it to
 * wait, deterministically, for everything accepted so far to be readable.
 */
export async function drainIngestQueue(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const { events, rows: drained } = await drainInboxOnce(db);
    if (drained === 0) return total;
    total += events;
  }
}
