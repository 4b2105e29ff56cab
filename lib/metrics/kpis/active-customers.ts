import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { addDays, type DateRange, type LocalDate } from "./period";
import { countedCustomer, dateArray, startOfLocalDay } from "./sql";
import { hasSubscriptions, subscriptionTimeline } from "./subscriptions";

/** From the instant `start` day begins to the instant `end` day begins (local midnights; `end` excluded). */
export type Span = { start: LocalDate; end: LocalDate };

export function spanOf(range: DateRange): Span {
  return { start: range.from, end: addDays(range.to, 1) };
}

export type ActiveCustomerCounts = {
  /** S: customers active at the start of the span. */
  startActive: number;
  /** E: customers active at its end. */
  endActive: number;
  /** Customers active at the start who are active again at the end. */
  retained: number;
  /** N: customers acquired during the span. */
  acquired: number;
};

export type ActiveBasis = "subscription" | "activity";

/**
 * Active customers at the start and end of each span (METRICS.md "Customer retention rate", "Customer churn
 * rate"). "Active customer" at an instant:
 * - when the workspace has any subscription event: their latest subscription event before that instant is not
 *   a cancellation; a customer is acquired when their first subscription event happens;
 * - otherwise: they had an active event (track, page or screen) in the inactivity window before the instant
 *   (the N local days before it, read from customer_daily_activity); a customer is acquired on the day of their
 *   first active event.
 * Merged-away profiles never count (their events carry the surviving customer's id).
 */
export async function activeCustomerCounts(
  db: Db,
  context: MetricContext,
  spans: readonly Span[],
): Promise<{ basis: ActiveBasis; counts: ActiveCustomerCounts[] }> {
  if (spans.length === 0) return { basis: "activity", counts: [] };
  const basis: ActiveBasis = (await hasSubscriptions(db, context)) ? "subscription" : "activity";
  const query = basis === "subscription" ? subscriptionBasis(context) : activityBasis(context);
  const result = await rows<{
    idx: number;
    start_active: number;
    end_active: number;
    retained: number;
    acquired: number;
  }>(
    db,
    sql`
      with intervals as (
        select (x.ord - 1)::int as idx, x.a, x.b
        from unnest(${dateArray(spans.map((s) => s.start))}, ${dateArray(spans.map((s) => s.end))})
          with ordinality as x(a, b, ord)
      ),
      instants as (
        select d, ${startOfLocalDay(sql`d`, context.timeZone)} as at
        from (select a as d from intervals union select b from intervals) days
      ),
      ${query.ctes},
      -- Plain joins and GROUP BY, not correlated subqueries: PostgreSQL hashes the state sets instead of
      -- rescanning them per interval.
      at_start as (
        select i.idx, s.customer_id from intervals i join state s on s.d = i.a
      ),
      at_end as (
        select i.idx, s.customer_id from intervals i join state s on s.d = i.b
      ),
      start_counts as (select idx, count(*) as n from at_start group by idx),
      end_counts as (select idx, count(*) as n from at_end group by idx),
      retained_counts as (
        select s.idx, count(*) as n
        from at_start s join at_end e on e.idx = s.idx and e.customer_id = s.customer_id
        group by s.idx
      )
      select i.idx,
             coalesce(sc.n, 0)::int as start_active,
             coalesce(ec.n, 0)::int as end_active,
             coalesce(rc.n, 0)::int as retained,
             ${query.acquired}::int as acquired
      from intervals i
      join instants ia on ia.d = i.a
      join instants ib on ib.d = i.b
      left join start_counts sc on sc.idx = i.idx
      left join end_counts ec on ec.idx = i.idx
      left join retained_counts rc on rc.idx = i.idx
      order by i.idx
    `,
  );
  return {
    basis,
    counts: result.map((r) => ({
      startActive: Number(r.start_active),
      endActive: Number(r.end_active),
      retained: Number(r.retained),
      acquired: Number(r.acquired),
    })),
  };
}

/** state(d, customer_id): customers whose latest subscription event before midnight of d is not a cancellation. */
function subscriptionBasis(context: MetricContext): { ctes: SQL; acquired: SQL } {
  return {
    ctes: sql`
      timeline as (${subscriptionTimeline(context, sql`(select max(at) from instants)`)}),
      state as (
        select i.d, t.customer_id
        from instants i
        join timeline t on t.at < i.at and (t.next_at is null or t.next_at >= i.at)
        where t.active
      ),
      acquisitions as (select distinct customer_id, first_at from timeline)`,
    acquired: sql`(select count(*) from acquisitions q where q.first_at >= ia.at and q.first_at < ib.at)`,
  };
}

/**
 * state(d, customer_id): customers with an active event on one of the inactivity-window days before d.
 * Local days from the rollup are exact here because every instant asked about is a local midnight.
 */
function activityBasis(context: MetricContext): { ctes: SQL; acquired: SQL } {
  const { workspaceId } = context;
  const windowDays = context.settings.inactivityWindowDays;
  return {
    ctes: sql`
      state as (
        select distinct i.d, a.customer_id
        from instants i
        join customer_daily_activity a
          on a.workspace_id = ${workspaceId} and a.day >= i.d - ${windowDays}::int and a.day < i.d
         and a.active_event_count > 0
        where ${countedCustomer(sql`a.customer_id`, workspaceId)}
      )`,
    acquired: sql`(
      select count(distinct a.customer_id)
      from customer_daily_activity a
      where a.workspace_id = ${workspaceId} and a.day >= i.a and a.day < i.b and a.active_event_count > 0
        and ${countedCustomer(sql`a.customer_id`, workspaceId)}
        and not exists (
          select 1 from customer_daily_activity p
          where p.workspace_id = ${workspaceId} and p.customer_id = a.customer_id and p.day < i.a
            and p.active_event_count > 0
        )
    )`,
  };
}

/**
 * Customer retention rate = (E − N) / S (METRICS.md). N counts every customer acquired during the period, also
 * one who left again before its end, as the standard formula does. Null when nobody was active at the start.
 */
export function customerRetentionRate(c: ActiveCustomerCounts): number | null {
  return c.startActive === 0 ? null : (c.endActive - c.acquired) / c.startActive;
}

/** Customer churn rate = customers active at the start who are not active at the end / S. Null when S is 0. */
export function customerChurnRate(c: ActiveCustomerCounts): number | null {
  return c.startActive === 0 ? null : (c.startActive - c.retained) / c.startActive;
}
