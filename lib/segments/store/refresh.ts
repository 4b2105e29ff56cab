import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { segments } from "@/lib/db/schema";
import { loadMetricContext } from "@/lib/metrics/settings";
import { batchCanAffect, batchChanges } from "./batch-relevance";
import { needsScheduledRefresh } from "./clock-sensitivity";
import { toSavedSegment } from "./load";
import { recomputeMembership, recomputeSegment, restoreWorkMem, withSegmentWorkMem } from "./recompute";
import { savedSegmentResolver } from "./references";
import type { SavedSegment } from "./types";

/**
 * Incremental membership after ingest: re-evaluates the workspace's active dynamic segments for the customers
 * a batch touched, inside the ingest transaction (so the batch and its entries/exits commit together). A
 * segment is re-evaluated only when the batch can change its answer (batch-relevance.ts): customers whose
 * history was rewritten (merged profiles) count for every segment, the others only for segments that read
 * what the batch carried. Costs one indexed read when the workspace has no active segment. A segment that
 * fails (a rule a settings change made impossible, say) is skipped and logged rather than failing the batch:
 * its own savepoint keeps the ingest transaction usable, and the scheduled refresh retries it.
 */
export async function refreshSegmentMembership(
  db: Db,
  workspaceId: string,
  stored: readonly { customerId: number; type: string; name: string | null }[],
  historyRewritten: Iterable<number> = [],
  now: Date = new Date(),
): Promise<void> {
  const rewritten = [...new Set(historyRewritten)];
  if (stored.length === 0 && rewritten.length === 0) return;
  const active = await activeDynamicSegments(db, workspaceId);
  if (active.length === 0) return;
  const metric = await loadMetricContext(db, workspaceId);
  const changes = batchChanges(stored);
  const touched = [...new Set([...stored.map((e) => e.customerId), ...rewritten])].sort((a, b) => a - b);
  const onlyRewritten = [...rewritten].sort((a, b) => a - b);
  const resolveSegment = savedSegmentResolver(db, workspaceId);
  const previous = await withSegmentWorkMem(db);
  try {
    for (const segment of active) {
      const customerIds =
        segment.rule && batchCanAffect(segment.rule, metric.settings, changes) ? touched : onlyRewritten;
      if (customerIds.length === 0) continue;
      try {
        await db.transaction((sp) => recomputeMembership(sp, segment, { now, customerIds, metric, resolveSegment }));
      } catch (error) {
        console.error(`[segments] refreshing “${segment.name}” (${segment.id}) after ingest failed:`, errorText(error));
      }
    }
  } finally {
    await restoreWorkMem(db, previous);
  }
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

async function activeDynamicSegments(db: Db, workspaceId: string): Promise<SavedSegment[]> {
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
