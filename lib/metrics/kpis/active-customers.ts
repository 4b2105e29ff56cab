import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { addDays, type DateRange, type LocalDate } from "./period";
import { countedCustomer, dateArray, startOfLocalDay } from "./sql";
import { hasSubscriptions, instantBucket } from "./subscriptions";

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
 *   a cancellation (their subscription span holding then is active); a customer is acquired when their first
 *   subscription event happens;
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
  const query = basis === "subscription" ? subscriptionCounts(context) : activityCounts(context);
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
        select d, at, row_number() over (order by at)::int as k
        from (
          select d, ${startOfLocalDay(sql`d`, context.timeZone)} as at
          from (select a as d from intervals union select b from intervals) days
        ) x
      ),
      ${query}
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

/**
 * Subscription basis, from subscription_spans for all instants T1 < … < Tn at once (see instantBucket): a span
 * holds at the instants k with lo < k ≤ hi, and a customer holds one span at an instant at most, so the active
 * customers at Tk are the active spans with lo < k ≤ hi, counted from a few (lo, hi) groups.
 * Retained = S − churned, where churned = active at Ta and not at Tb. Such a customer holds an inactive span at
 * Tb that started at or after Ta (had it started before, it would hold at Ta too, and they were not active
 * then). So churned counts the inactive spans with a ≤ lo < b ≤ hi whose customer was active at Ta, that is:
 * had a span before Ta (first_at < Ta) and held no inactive span at Ta. No join of all customers across
 * instants is needed, only of the inactive spans (cancellations) among themselves.
 * Acquisitions (first subscription event in [Ta, Tb)) are first spans starting in that range.
 */
function subscriptionCounts(context: MetricContext): SQL {
  const { workspaceId } = context;
  const ts = sql`th.ts`;
  const lo = instantBucket(sql`s.valid_from`, ts);
  const hi = sql`coalesce(${instantBucket(sql`s.valid_to`, ts)}, th.n)`;
  // Spans starting at or after Tn hold at no instant (lo = n): the hi > lo filters drop them. Spans that ended
  // before T1 hold at none either; a plain comparison drops them before any bucket is computed.
  const endsAfterFirst = sql`(s.valid_to is null or s.valid_to >= th.first)`;
  return sql`
    thresholds as (
      select array_agg(at order by at) as ts, count(*)::int as n, min(at) as first, max(at) as last from instants
    ),
    holding as materialized (
      select lo, hi, count(*) as customers
      from (
        select ${lo} as lo, ${hi} as hi
        from thresholds th
        join subscription_spans s on s.workspace_id = ${workspaceId} and s.active and ${endsAfterFirst}
      ) active_spans
      where hi > lo
      group by lo, hi
    ),
    cancellations as materialized (
      select customer_id, lo, hi, f
      from (
        select s.customer_id, ${lo} as lo, ${hi} as hi, ${instantBucket(sql`s.first_at`, ts)} as f
        from thresholds th
        join subscription_spans s on s.workspace_id = ${workspaceId} and not s.active and ${endsAfterFirst}
      ) inactive_spans
      where hi > lo
    ),
    churned as (
      select i.idx, count(*) as customers
      from intervals i
      join instants ia on ia.d = i.a
      join instants ib on ib.d = i.b
      join cancellations c on c.lo >= 1 and c.lo >= ia.k and c.lo < ib.k and c.hi >= ib.k and c.f < ia.k
      where not exists (
        select 1 from cancellations c0 where c0.customer_id = c.customer_id and c0.lo < ia.k and ia.k <= c0.hi
      )
      group by i.idx
    ),
    acquisitions as materialized (
      -- Distinct customers: events at the same first instant can start several spans.
      select j, count(*) as customers
      from (
        select distinct s.customer_id, ${lo} as j
        from thresholds th
        join subscription_spans s on s.workspace_id = ${workspaceId} and s.valid_from >= th.first
          and s.valid_from < th.last and s.valid_from = s.first_at
      ) firsts
      group by j
    ),
    counts as (
      select i.idx,
             (select coalesce(sum(h.customers), 0) from holding h where h.lo < ia.k and ia.k <= h.hi) as start_active,
             (select coalesce(sum(h.customers), 0) from holding h where h.lo < ib.k and ib.k <= h.hi) as end_active,
             coalesce(ch.customers, 0) as churned,
             (select coalesce(sum(q.customers), 0) from acquisitions q where q.j >= ia.k and q.j < ib.k) as acquired
      from intervals i
      join instants ia on ia.d = i.a
      join instants ib on ib.d = i.b
      left join churned ch on ch.idx = i.idx
    )
    select idx, start_active::int, end_active::int, (start_active - churned)::int as retained, acquired::int
    from counts
    order by idx
  `;
}

/**
 * Activity basis: state(d, customer_id) = customers with an active event on one of the inactivity-window days
 * before d, counted per interval.
 */
function activityCounts(context: MetricContext): SQL {
  const query = activityBasis(context);
  return sql`
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
  `;
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
