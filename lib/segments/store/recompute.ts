import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { SYSTEM_EVENT_TYPE } from "@/lib/ingest/system-events";
import { loadMetricContext, type MetricContext } from "@/lib/metrics/settings";
import { compileSegmentPredicate, segmentWhere } from "../compile";
import type { BatchEvent, SegmentResolver } from "../context";
import { savedSegmentResolver } from "./references";
import { type MembershipChange, type SavedSegment, SEGMENT_ENTERED, SEGMENT_EXITED } from "./types";

export type RecomputeOptions = {
  /** "Now" for the rule's windows and the time stamped on entries and exits. */
  now: Date;
  /** Only these customers (incremental refresh after ingest); every customer of the workspace without. */
  customerIds?: readonly number[];
  /** Passed in when several segments are refreshed together, so the workspace is read once. */
  metric?: MetricContext;
  resolveSegment?: SegmentResolver;
  /** With customerIds: the events ingest just stored for them (see SegmentCompileContext.batchActivity). */
  batchActivity?: readonly BatchEvent[];
};

/**
 * Brings a dynamic segment's members in line with its rule, for some customers or all of them, in one
 * statement: members who no longer match leave (`Segment Exited`), matching customers who are not members
 * enter (`Segment Entered`), each logged with the same instant in segment_membership_events and as an event.
 * Running it for every customer is the full recompute; running it for the customers a batch touched is the
 * incremental one — both answer from the same compiled rule, so they agree whenever they are run at the same
 * instant over the same data.
 */
export async function recomputeMembership(
  db: Db,
  segment: SavedSegment,
  options: RecomputeOptions,
): Promise<MembershipChange> {
  if (segment.kind !== "dynamic" || segment.rule === null) throw new Error(`segment ${segment.id} has no rule`);
  const metric = options.metric ?? (await loadMetricContext(db, segment.workspaceId));
  const predicate = await compileSegmentPredicate(segment.rule, {
    ...metric,
    now: options.now,
    resolveSegment: options.resolveSegment ?? savedSegmentResolver(db, segment.workspaceId),
    self: { id: segment.id, name: segment.name },
    onlyCustomers: options.customerIds,
    batchActivity: options.batchActivity,
  });
  const matching = sql`select c.id from customers c
    where ${segmentWhere(segment.workspaceId, predicate)} ${onlyCustomers(sql`c.id`, options.customerIds)}`;
  return applyMembership(db, segment, matching, options);
}

/**
 * Makes the members (of the scope) exactly the customers `matching` selects, logging each entry and exit.
 * `matching` must select one column, `id`, of distinct customer ids.
 */
export async function applyMembership(
  db: Db,
  segment: Pick<SavedSegment, "id" | "workspaceId">,
  matching: SQL,
  options: { now: Date; customerIds?: readonly number[] },
): Promise<MembershipChange> {
  const ws = segment.workspaceId;
  const seg = segment.id;
  const at = options.now.toISOString();
  const [counts] = await rows<{ entered: number; exited: number }>(
    db,
    sql`
      with matching as (${matching}),
      current_members as (${currentMembers(ws, seg, options.customerIds)}),
      -- Set differences (hashed or sorted), never a per-row probe of the other side: with tens of thousands of
      -- members on both sides a NOT EXISTS over the CTE became a nested loop (37 s at 100k customers).
      leaving as (select id from current_members except select id from matching),
      arriving as (select id from matching except select id from current_members),
      gone as (
        delete from segment_members m using leaving l
        where m.workspace_id = ${ws} and m.segment_id = ${seg}::uuid and m.customer_id = l.id
        returning m.customer_id
      ),
      came as (
        insert into segment_members (workspace_id, segment_id, customer_id, entered_at)
        select ${ws}::uuid, ${seg}::uuid, a.id, ${at}::timestamptz from arriving a
        on conflict do nothing
        returning customer_id
      ),
      logged as (
        insert into segment_membership_events (workspace_id, segment_id, customer_id, kind, at)
        select ${ws}::uuid, ${seg}::uuid, customer_id, 'exited', ${at}::timestamptz from gone
        union all
        select ${ws}::uuid, ${seg}::uuid, customer_id, 'entered', ${at}::timestamptz from came
        returning id, customer_id, kind
      ),
      -- The same entries and exits as events (type "system": not customer activity), with the segment's id and
      -- name; the message id derives from the log row, so each one is recorded once.
      recorded as (
        insert into events (workspace_id, message_id, customer_id, type, name, properties, timestamp, received_at)
        select ${ws}::uuid, 'tenure-segment-' || l.id, l.customer_id, ${SYSTEM_EVENT_TYPE},
               case l.kind when 'entered' then ${SEGMENT_ENTERED} else ${SEGMENT_EXITED} end,
               jsonb_build_object('segment_id', ${seg}::text, 'segment_name', s.name),
               ${at}::timestamptz, ${at}::timestamptz
        from logged l
        join segments s on s.workspace_id = ${ws} and s.id = ${seg}::uuid
        on conflict do nothing
      )
      select count(*) filter (where kind = 'entered')::int as entered,
             count(*) filter (where kind = 'exited')::int as exited
      from logged
    `,
  );
  return { entered: Number(counts?.entered ?? 0), exited: Number(counts?.exited ?? 0) };
}

/**
 * The segment's members among the given customers (all of them without): for a batch's few customers, one
 * primary-key probe each (LATERAL … LIMIT 1 keeps it a probe), not a scan of the segment's members filtered by
 * the list, which the planner chose when it misjudged the table (no statistics yet: autovacuum off or behind).
 */
function currentMembers(ws: string, seg: string, customerIds: readonly number[] | undefined): SQL {
  if (customerIds === undefined) {
    return sql`select m.customer_id as id from segment_members m where m.workspace_id = ${ws} and m.segment_id = ${seg}::uuid`;
  }
  return sql`select u.id from unnest(${idArray(customerIds)}::bigint[]) as u(id)
    cross join lateral (select 1 from segment_members m
      where m.workspace_id = ${ws} and m.segment_id = ${seg}::uuid and m.customer_id = u.id limit 1) member`;
}

/** Everyone leaves (a segment set back to draft): each exit is logged like any other. */
export async function clearMembership(db: Db, segment: Pick<SavedSegment, "id" | "workspaceId">, now: Date) {
  return applyMembership(db, segment, sql`select null::bigint as id where false`, { now });
}

/** The full recompute, in its own transaction (JIT off, as in the preview), stamping `recomputed_at`. */
export async function recomputeSegment(
  db: Db,
  segment: SavedSegment,
  options: Omit<RecomputeOptions, "customerIds">,
): Promise<MembershipChange> {
  return db.transaction(async (tx) => {
    // Segment queries spend their time reading rows; compiling the larger ones with JIT costs more than it saves.
    await tx.execute(sql`set local jit = off`);
    await withSegmentWorkMem(tx);
    const change = await recomputeMembership(tx, segment, options);
    await tx.execute(
      sql`update segments set recomputed_at = ${options.now.toISOString()}::timestamptz
        where workspace_id = ${segment.workspaceId} and id = ${segment.id}::uuid`,
    );
    return change;
  });
}

/** `and <column> = any($ids)` (one bound array parameter), or nothing for "every customer". */
export function onlyCustomers(column: SQL, customerIds: readonly number[] | undefined): SQL {
  if (customerIds === undefined) return sql``;
  return sql`and ${column} = any(${idArray(customerIds)}::bigint[])`;
}

/** Customer ids as one bound array literal (checked to be integers). */
function idArray(customerIds: readonly number[]): string {
  for (const id of customerIds) {
    if (!Number.isSafeInteger(id)) throw new Error(`customer id must be an integer, got ${String(id)}`);
  }
  return `{${customerIds.join(",")}}`;
}

/**
 * Memory for the rule's hashed lookups. Each condition is `c.id in (subquery)`; when PostgreSQL expects the
 * subquery's rows not to fit in work_mem (4 MB by default: "no activity in 30 days" reads ~300,000 rollup rows
 * at 100k customers) it rescans the subquery's result once per customer instead of hashing it, and the query
 * went from 0.3 s to over a minute. Transaction-local; returns the previous value for restoreWorkMem.
 */
export async function withSegmentWorkMem(db: Db): Promise<string> {
  const [row] = await rows<{ previous: string }>(
    db,
    sql`select current_setting('work_mem') as previous, set_config('work_mem', ${SEGMENT_WORK_MEM}, true)`,
  );
  return row?.previous ?? "4MB";
}

/** Puts work_mem back for the rest of a transaction that is not only ours (ingest). */
export async function restoreWorkMem(db: Db, previous: string) {
  await db.execute(sql`select set_config('work_mem', ${previous}, true)`);
}

const SEGMENT_WORK_MEM = "64MB";
