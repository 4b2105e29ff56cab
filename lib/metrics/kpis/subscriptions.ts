import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";

/*
 * Subscription KPIs read subscription_spans (lib/metrics/facts/subscriptions.ts), kept by ingest from the
 * subscription events named in settings. A customer's state at an instant t is the span that started last
 * before t: valid_from < t and (valid_to is null or valid_to >= t). Spans of a customer follow each other
 * (valid_to = the next span's valid_from), so at most one holds; a span whose successor starts exactly at t is
 * still the state at t, as the next event is not before t. This equals "the latest subscription event before
 * t", whatever the last instant a query asks about.
 */

/**
 * Whether the workspace has any subscription event at all (any customer with a span). METRICS.md: without
 * subscriptions, "active customer" falls back to activity within the inactivity window. One index probe.
 */
export async function hasSubscriptions(db: Db, context: MetricContext): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(
    db,
    sql`select exists (
      select 1 from subscription_spans s where s.workspace_id = ${context.workspaceId}
    ) as found`,
  );
  return row?.found === true;
}

/** Whether span `s` (an alias of subscription_spans) is its customer's state at instant `at`. */
export function spanHolds(s: SQL, at: SQL): SQL {
  return sql`(${s}.valid_from < ${at} and (${s}.valid_to is null or ${s}.valid_to >= ${at}))`;
}

/**
 * Many instants at once: `thresholds` is an ascending timestamptz[] of distinct instants T1 < … < Tn. For a
 * time x, width_bucket(x, thresholds) = how many Tk are ≤ x, so a span starting at valid_from holds at Tk
 * exactly for lo < k ≤ hi with lo = bucket(valid_from), hi = bucket(valid_to) (n while current). One pass over
 * the spans then answers every instant, instead of one join per instant.
 */
export function instantBucket(at: SQL, thresholds: SQL): SQL {
  return sql`width_bucket(${at}, ${thresholds})`;
}
