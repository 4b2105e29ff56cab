import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { type IngestTarget, ingestBatch, type RawItem } from "@/lib/ingest/ingest";
import { localToday } from "@/lib/metrics/kpis/period";
import { loadMetricContext } from "@/lib/metrics/settings";
import { Random } from "@/lib/seed/random";
import type { BatchEvent } from "@/lib/segments/context";
import { countAndSample } from "@/lib/segments/preview";
import type { SegmentRule } from "@/lib/segments/rule-schema";
import {
  recomputeMembership,
  recomputeSegment,
  restoreWorkMem,
  withSegmentWorkMem,
} from "@/lib/segments/store/recompute";
import { savedSegmentResolver } from "@/lib/segments/store/references";
import { activeDynamicSegments, planIncrementalRefresh, refreshSegmentMembership } from "@/lib/segments/store/refresh";
import type { SavedSegment } from "@/lib/segments/store/types";
import { measure, type Timing } from "./metrics/timing";
import { makeRealisticBatch, randomCustomers, sampleEventMix } from "./segments-batch";
import { percentile } from "./stats";

export type PreviewResult = { name: string; count: number; timing: Timing };
export type RecomputeResult = { name: string; members: number; steady: Timing; fromEmpty: Timing };
export type SegmentStepResult = { name: string; customers: Timing; ms: Timing };
export type BatchResult = {
  size: number;
  runs: number;
  distinctCustomers: number;
  /** Why the batch could not go through ingest (a database behind the code's migrations): refresh timed alone. */
  ingestError: string | null;
  ingestWithoutSegments: Timing;
  refresh: Timing;
  ingestWithSegments: Timing;
  perSegment: SegmentStepResult[];
};

class RolledBack extends Error {}

/** Runs `fn` in a transaction that is always rolled back: the bench database is never changed. */
export async function inRolledBackTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result as T;
}

/** Count + a sample of 20, as the builder asks for it. */
export async function measurePreview(
  db: Db,
  workspaceId: string,
  name: string,
  rule: SegmentRule,
  now: Date,
  runs: number,
) {
  const resolveSegment = savedSegmentResolver(db, workspaceId);
  const { timing, result } = await measure(
    () => countAndSample(db, workspaceId, rule, { sample: 20, now, resolveSegment }),
    runs,
  );
  return { name, count: result.count, timing } satisfies PreviewResult;
}

/**
 * A full recompute of one segment as the scheduled job runs it: once over its current members (the usual
 * case: few entries and exits) and once from no members at all (every match enters and is logged).
 */
export async function measureRecompute(db: Db, segment: SavedSegment, now: Date, runs: number) {
  const steady = await measure(() => inRolledBackTransaction(db, (tx) => recomputeSegment(tx, segment, { now })), runs);
  const fromEmpty = await measure(
    () =>
      inRolledBackTransaction(db, async (tx) => {
        await tx.execute(sql`delete from segment_members
          where workspace_id = ${segment.workspaceId} and segment_id = ${segment.id}::uuid`);
        return recomputeSegment(tx, segment, { now });
      }),
    // Once after the warm-up: each run inserts (and rolls back) every member, which leaves dead rows behind.
    1,
  );
  return {
    name: segment.name,
    members: fromEmpty.result.entered,
    steady: steady.timing,
    fromEmpty: fromEmpty.timing,
  } satisfies RecomputeResult;
}

function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: samples.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), samplesMs: samples };
}

/**
 * The ingest latency the segments add: per run, a new batch of `size` realistic events over random existing
 * customers, ingested in a rolled-back transaction with the active segments set aside (draft), then
 * refreshSegmentMembership timed on its own for that batch's stored events, as ingest calls it, with every
 * active segment back; then each segment's share (the same re-evaluation, timed one by one). A second
 * rolled-back transaction ingests another batch with the segments active, for the end-to-end figure.
 */
export async function measureBatchRefresh(
  db: Db,
  workspaceId: string,
  now: Date,
  options: { size: number; runs: number },
): Promise<BatchResult> {
  const random = new Random(20_261_124);
  const mix = await sampleEventMix(db, workspaceId, now);
  const target = { workspaceId, sourceId: null };
  const without: number[] = [];
  const refresh: number[] = [];
  const withSegments: number[] = [];
  const perSegment = new Map<string, { customers: number[]; ms: number[] }>();
  let distinct = 0;
  let ingestError: string | null = null;
  const { timeZone } = await loadMetricContext(db, workspaceId);
  // One untimed run first: plans and caches warm up as on a server that has been ingesting for a while.
  for (let run = -1; run < options.runs; run++) {
    const runId = `bench-segments-${Date.now()}-${run}`;
    const customers = await randomCustomers(db, workspaceId, options.size);
    const batch = makeRealisticBatch(random, mix, customers, { size: options.size, runId, now });
    await inRolledBackTransaction(db, async (tx) => {
      await analyzeMemberships(tx);
      const active = await activeDynamicSegments(tx, workspaceId);
      await setStatus(tx, workspaceId, active, "draft");
      let started = performance.now();
      const ingested = await tryIngest(tx, target, batch, now);
      const ingestMs = performance.now() - started;
      await setStatus(tx, workspaceId, active, "active");
      if (ingested !== null) ingestError = ingested;
      const stored =
        ingested === null ? await storedEvents(tx, workspaceId, batch) : unstoredEvents(batch, customers, timeZone);
      started = performance.now();
      await refreshSegmentMembership(tx, workspaceId, stored, [], now);
      const refreshMs = performance.now() - started;
      const shares = await segmentShares(tx, workspaceId, active, stored, now);
      if (run < 0) return;
      if (ingested === null) without.push(ingestMs);
      refresh.push(refreshMs);
      distinct = new Set(stored.map((e) => e.customerId)).size;
      for (const share of shares) {
        const entry = perSegment.get(share.name) ?? { customers: [], ms: [] };
        entry.customers.push(share.customers);
        entry.ms.push(share.ms);
        perSegment.set(share.name, entry);
      }
    });
    const other = makeRealisticBatch(random, mix, customers, { size: options.size, runId: `${runId}-b`, now });
    if (ingestError !== null) continue;
    await inRolledBackTransaction(db, async (tx) => {
      await analyzeMemberships(tx);
      const started = performance.now();
      await ingestBatch(tx, target, other, { receivedAt: now });
      if (run >= 0) withSegments.push(performance.now() - started);
    });
  }
  return {
    size: options.size,
    runs: options.runs,
    distinctCustomers: distinct,
    ingestError,
    ingestWithoutSegments: timingOf(without),
    refresh: timingOf(refresh),
    ingestWithSegments: timingOf(withSegments),
    perSegment: [...perSegment].map(([name, s]) => ({ name, customers: timingOf(s.customers), ms: timingOf(s.ms) })),
  };
}

/**
 * Statistics on the membership tables, inside the rolled-back transaction (so the database is unchanged): the
 * demo seed fills them without analyzing, and on a server with autovacuum off (the bench's) the planner would
 * believe them empty and scan a segment's 27,000 members to delete 100. Any server with autovacuum has them.
 */
async function analyzeMemberships(tx: Db) {
  await tx.execute(sql`analyze segment_members, segment_membership_events`);
}

/** ingestBatch in a savepoint: null when it stored the batch, else why it failed. */
async function tryIngest(tx: Db, target: IngestTarget, batch: readonly RawItem[], now: Date): Promise<string | null> {
  try {
    await ingestBatch(tx, target, batch, { receivedAt: now });
    return null;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return (cause instanceof Error ? cause.message : String(error)).slice(0, 200);
  }
}

/**
 * The batch as ingest would hand it to the refresh, without storing it: the refresh reads the same rows but
 * the batch's own, which a rule's answer for these customers barely depends on at this size.
 */
function unstoredEvents(
  batch: readonly RawItem[],
  customers: readonly { id: number; userId: string }[],
  timeZone: string,
): BatchEvent[] {
  const ids = new Map(customers.map((c) => [c.userId, c.id]));
  return batch.map(({ raw }) => {
    const m = raw as { type: string; userId: string; event?: string; name?: string; timestamp: string };
    return {
      customerId: ids.get(m.userId) ?? 0,
      type: m.type,
      name: m.event ?? m.name ?? null,
      day: localToday(new Date(m.timestamp), timeZone),
    };
  });
}

async function setStatus(tx: Db, workspaceId: string, segments: readonly SavedSegment[], status: string) {
  const ids = `{${segments.map((s) => s.id).join(",")}}`;
  await tx.execute(
    sql`update segments set status = ${status} where workspace_id = ${workspaceId} and id = any(${ids}::uuid[])`,
  );
}

/** The batch's rows as ingest stored them (customer resolved, local day), which is what ingest hands the refresh. */
async function storedEvents(tx: Db, workspaceId: string, batch: readonly RawItem[]): Promise<BatchEvent[]> {
  const ids = batch.map((item) => (item.raw as { messageId: string }).messageId);
  const found = await rows<{ customer_id: number; type: string; name: string | null; day: string }>(
    tx,
    sql`select e.customer_id, e.type, e.name, (e.timestamp at time zone w.time_zone)::date::text as day
      from events e join workspaces w on w.id = e.workspace_id
      where e.workspace_id = ${workspaceId} and e.message_id = any(${`{${ids.join(",")}}`}::text[])`,
  );
  return found.map((r) => ({ customerId: Number(r.customer_id), type: r.type, name: r.name, day: r.day }));
}

/** Each segment's part of the refresh: the same plan and statement, timed one by one (members already current). */
async function segmentShares(
  tx: Db,
  workspaceId: string,
  active: readonly SavedSegment[],
  stored: readonly BatchEvent[],
  now: Date,
) {
  const metric = await loadMetricContext(tx, workspaceId);
  const resolveSegment = savedSegmentResolver(tx, workspaceId);
  const plan = new Map(planIncrementalRefresh(active, metric.settings, stored, []).map((s) => [s.segment.id, s]));
  const previous = await withSegmentWorkMem(tx);
  const shares: { name: string; customers: number; ms: number }[] = [];
  for (const segment of active) {
    const step = plan.get(segment.id);
    if (!step) {
      shares.push({ name: segment.name, customers: 0, ms: 0 });
      continue;
    }
    const started = performance.now();
    await tx.transaction((sp) =>
      recomputeMembership(sp, segment, {
        now,
        customerIds: step.customerIds,
        metric,
        resolveSegment,
        batchActivity: stored,
      }),
    );
    shares.push({ name: segment.name, customers: step.customerIds.length, ms: performance.now() - started });
  }
  await restoreWorkMem(tx, previous);
  return shares;
}
