import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { segments } from "@/lib/db/schema";
import { loadMetricContext, type MetricSettings } from "@/lib/metrics/settings";
import type { BatchEvent } from "../context";
import { batchCanAffect, batchChangesByCustomer } from "./batch-relevance";
import { needsScheduledRefresh } from "./clock-sensitivity";
import { toSavedSegment } from "./load";
import { recomputeMembership, recomputeSegment, restoreWorkMem, withSegmentWorkMem } from "./recompute";
import { savedSegmentResolver } from "./references";
import type { SavedSegment } from "./types";

/**
 * Incremental membership after ingest: re-evaluates the workspace's active dynamic segments for the customers
 * a batch touched, inside the ingest transaction (so the batch and its entries/exits commit together). Each
 * segment is re-evaluated only for the customers whose stored events its rule reads (planIncrementalRefresh):
 * customers whose history was rewritten (merged profiles) count for every segment. Costs one indexed read when
 * the workspace has no active segment. A segment that fails (a rule a settings change made impossible, say) is
 * skipped and logged rather than failing the batch: its own savepoint keeps the ingest transaction usable, and
 * the scheduled refresh retries it.
 */
export async function refreshSegmentMembership(
  db: Db,
  workspaceId: string,
  stored: readonly BatchEvent[],
  historyRewritten: Iterable<number> = [],
  now: Date = new Date(),
): Promise<void> {
  const rewritten = [...new Set(historyRewritten)];
  if (stored.length === 0 && rewritten.length === 0) return;
  const active = await activeDynamicSegments(db, workspaceId);
  if (active.length === 0) return;
  const metric = await loadMetricContext(db, workspaceId);
  const newcomers = await customersNewInBatch(db, workspaceId, stored);
  const plan = planIncrementalRefresh(active, metric.settings, stored, [...rewritten, ...newcomers]);
  if (plan.length === 0) return;
  const resolveSegment = savedSegmentResolver(db, workspaceId);
  const previous = await withSegmentWorkMem(db);
  try {
    for (const { segment, customerIds } of plan) {
      try {
        await db.transaction((sp) =>
          recomputeMembership(sp, segment, { now, customerIds, metric, resolveSegment, batchActivity: stored }),
        );
      } catch (error) {
        console.error(`[segments] refreshing “${segment.name}” (${segment.id}) after ingest failed:`, errorText(error));
      }
    }
  } finally {
    await restoreWorkMem(db, previous);
  }
}

/**
 * Customers whose only events are this batch's (their event count, which ingest has already raised, equals
 * the batch's events of theirs): most are new profiles, and a new profile may match a rule without having done
 * anything the rule reads ("no activity in 30 days" matches a customer who only identified), so they are
 * evaluated for every segment, like rewritten histories.
 */
async function customersNewInBatch(db: Db, workspaceId: string, stored: readonly BatchEvent[]): Promise<number[]> {
  const counts = new Map<number, number>();
  for (const e of stored) counts.set(e.customerId, (counts.get(e.customerId) ?? 0) + 1);
  if (counts.size === 0) return [];
  const found = await rows<{ id: number }>(
    db,
    sql`select c.id from customers c
      join unnest(${`{${[...counts.keys()].join(",")}}`}::bigint[], ${`{${[...counts.values()].join(",")}}`}::int[])
        as b(id, events) on b.id = c.id
      where c.workspace_id = ${workspaceId} and c.event_count <= b.events`,
  );
  return found.map((r) => Number(r.id));
}

export type SegmentRefreshStep = { segment: SavedSegment; customerIds: number[] };

/**
 * Which segments ingest re-evaluates, and for whom: per segment, the customers with a stored event the rule
 * reads (batch-relevance.ts) plus those whose history was rewritten. A rule tests each customer's own data, so
 * the others keep their answer until the scheduled refresh slides the windows. Segments nobody needs are left
 * out. Customer ids ascending, segments in id order (two batches take their row locks in the same order).
 */
export function planIncrementalRefresh(
  active: readonly SavedSegment[],
  settings: MetricSettings,
  stored: readonly BatchEvent[],
  historyRewritten: readonly number[],
): SegmentRefreshStep[] {
  const changes = batchChangesByCustomer(stored);
  const rewritten = new Set(historyRewritten);
  const steps: SegmentRefreshStep[] = [];
  for (const segment of active) {
    const ids = new Set(rewritten);
    const { rule } = segment;
    if (rule) for (const [customerId, own] of changes) if (batchCanAffect(rule, settings, own)) ids.add(customerId);
    if (ids.size > 0) steps.push({ segment, customerIds: [...ids].sort((a, b) => a - b) });
  }
  return steps;
}

/** Segments recomputed on every scheduled run; the others at least once a day (see docs/segments-api.md). */
export const DAILY_RECOMPUTE_MS = 24 * 60 * 60 * 1000;

export type ScheduledRefreshResult = { segments: number; entered: number; exited: number; failed: number };

/**
 * The scheduled refresh (pg-boss job segment-refresh, lib/jobs/segment-refresh.ts): a full recompute of every
 * active dynamic segment whose rule can change with time alone or with tickets, and of any other not fully
 * recomputed in the last day (which also catches settings changes, such as a new signup event).
 */
export async function refreshScheduledSegments(
  db: Db,
  options: { now?: Date; workspaceId?: string } = {},
): Promise<ScheduledRefreshResult> {
  const now = options.now ?? new Date();
  const found = await db
    .select()
    .from(segments)
    .where(
      and(
        eq(segments.status, "active"),
        eq(segments.kind, "dynamic"),
        options.workspaceId ? eq(segments.workspaceId, options.workspaceId) : undefined,
      ),
    );
  const result: ScheduledRefreshResult = { segments: 0, entered: 0, exited: 0, failed: 0 };
  for (const row of found) {
    const segment = toSavedSegment(row);
    const stale = !segment.recomputedAt || now.getTime() - segment.recomputedAt.getTime() >= DAILY_RECOMPUTE_MS;
    if (!stale && !(segment.rule && needsScheduledRefresh(segment.rule))) continue;
    try {
      const change = await recomputeSegment(db, segment, { now });
      result.segments += 1;
      result.entered += change.entered;
      result.exited += change.exited;
    } catch (error) {
      result.failed += 1;
      console.error(`[segments] scheduled refresh of “${segment.name}” (${segment.id}) failed:`, errorText(error));
    }
  }
  return result;
}

export async function activeDynamicSegments(db: Db, workspaceId: string): Promise<SavedSegment[]> {
  const found = await db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.status, "active"), eq(segments.kind, "dynamic")));
  // A fixed order: two batches refreshing the same segments take their row locks in the same order.
  return found.map(toSavedSegment).sort((a, b) => a.id.localeCompare(b.id));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
