import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { type DateRange, periodsTable } from "./period";
import { instantBucket, spanHolds } from "./subscriptions";

export type MrrMovements = {
  /** MRR of customers whose first paid subscription began in the period. */
  new: number;
  /** MRR added by customers who paid before, were at 0 (cancelled), and pay again. */
  reactivation: number;
  /** Increases of customers who were already paying. */
  expansion: number;
  /** Decreases of customers who keep paying. */
  contraction: number;
  /** MRR of customers who went to 0 (cancelled, or moved to a free plan). */
  churn: number;
};

export type MrrStats = {
  /** MRR at the instant the period starts. */
  startMrr: number;
  /** MRR at the instant the period ends (midnight after its last day). */
  endMrr: number;
  /** Customers with MRR above 0 at the end. */
  payingCustomers: number;
  movements: MrrMovements;
};

/**
 * MRR and its movements per period (METRICS.md "MRR"), from subscription_spans (see subscriptions.ts). A
 * customer's MRR at an instant is the MRR of their span holding then; the workspace's MRR is the sum over
 * customers. Each span starting in the period moves the customer from previous_mrr to mrr, classified as:
 *   0 → x > 0: new (never paid before) or reactivation (paid before); x > 0 → 0: churn (x);
 *   x → y > x > 0: expansion (y − x); x → y, 0 < y < x: contraction (x − y).
 * So end MRR = start MRR + new + reactivation + expansion − contraction − churn, exactly.
 *
 * All periods at once: their boundaries are the instants T1 < … < Tn. MRR and paying customers at T1 come
 * from the span each customer holds then; every later change is a span starting between T1 and Tn (a range
 * of the valid_from index), in bucket j = how many Tk ≤ valid_from. A customer's spans telescope (each starts
 * from the previous one's MRR), so MRR at Tk = MRR at T1 + Σ (mrr − previous_mrr) over buckets j < k, and
 * paying customers likewise with (mrr > 0) − (previous_mrr > 0). The movements of a period [Ta, Tb) are those
 * of buckets a ≤ j < b.
 */
export async function mrrStats(db: Db, context: MetricContext, periods: readonly DateRange[]): Promise<MrrStats[]> {
  if (periods.length === 0) return [];
  const { workspaceId } = context;
  const result = await rows<{
    idx: number;
    start_mrr: string | null;
    end_mrr: string | null;
    paying: number;
    new_mrr: string | null;
    reactivation: string | null;
    expansion: string | null;
    contraction: string | null;
    churn: string | null;
  }>(
    db,
    sql`
      with periods as (${periodsTable(periods, context.timeZone)}),
      instants as (
        select at, row_number() over (order by at)::int as k
        from (select start_at as at from periods union select end_at from periods) x
      ),
      thresholds as (select array_agg(at order by at) as ts, min(at) as first, max(at) as last from instants),
      opening as (
        select coalesce(sum(s.mrr), 0) as mrr, count(*) filter (where s.mrr > 0) as paying
        from thresholds th
        join subscription_spans s on s.workspace_id = ${workspaceId} and ${spanHolds(sql`s`, sql`th.first`)}
      ),
      buckets as (
        select ${instantBucket(sql`s.valid_from`, sql`th.ts`)} as j,
          sum(s.mrr - s.previous_mrr) as mrr_delta,
          sum((s.mrr > 0)::int - (s.previous_mrr > 0)::int) as paying_delta,
          sum(s.mrr) filter (where s.previous_mrr = 0 and s.mrr > 0 and not s.paid_before) as new_mrr,
          sum(s.mrr) filter (where s.previous_mrr = 0 and s.mrr > 0 and s.paid_before) as reactivation,
          sum(s.mrr - s.previous_mrr) filter (where s.previous_mrr > 0 and s.mrr > s.previous_mrr) as expansion,
          sum(s.previous_mrr - s.mrr) filter (where s.mrr > 0 and s.mrr < s.previous_mrr) as contraction,
          sum(s.previous_mrr) filter (where s.previous_mrr > 0 and s.mrr = 0) as churn
        from thresholds th
        join subscription_spans s on s.workspace_id = ${workspaceId} and s.valid_from >= th.first
          and s.valid_from < th.last
        group by 1
      ),
      mrr_at as (
        select i.k, o.mrr + coalesce(sum(b.mrr_delta), 0) as mrr, o.paying + coalesce(sum(b.paying_delta), 0) as paying
        from instants i
        cross join opening o
        left join buckets b on b.j < i.k
        group by i.k, o.mrr, o.paying
      ),
      moves as (
        select p.idx,
          sum(b.new_mrr) as new_mrr, sum(b.reactivation) as reactivation, sum(b.expansion) as expansion,
          sum(b.contraction) as contraction, sum(b.churn) as churn
        from periods p
        join instants a on a.at = p.start_at
        join instants e on e.at = p.end_at
        join buckets b on b.j >= a.k and b.j < e.k
        group by p.idx
      )
      select p.idx, s.mrr as start_mrr, e.mrr as end_mrr, e.paying::int as paying,
             m.new_mrr, m.reactivation, m.expansion, m.contraction, m.churn
      from periods p
      join instants ia on ia.at = p.start_at
      join instants ie on ie.at = p.end_at
      join mrr_at s on s.k = ia.k
      join mrr_at e on e.k = ie.k
      left join moves m on m.idx = p.idx
      order by p.idx
    `,
  );
  return result.map((r) => ({
    startMrr: Number(r.start_mrr ?? 0),
    endMrr: Number(r.end_mrr ?? 0),
    payingCustomers: Number(r.paying),
    movements: {
      new: Number(r.new_mrr ?? 0),
      reactivation: Number(r.reactivation ?? 0),
      expansion: Number(r.expansion ?? 0),
      contraction: Number(r.contraction ?? 0),
      churn: Number(r.churn ?? 0),
    },
  }));
}

/** Gross MRR churn = (churned + contraction MRR) / MRR at the start of P. Null when that MRR is 0. */
export function grossMrrChurn(s: MrrStats): number | null {
  return s.startMrr === 0 ? null : (s.movements.churn + s.movements.contraction) / s.startMrr;
}

/**
 * Net MRR churn = (churned + contraction − expansion − reactivation MRR) / MRR at the start of P; negative when
 * expansion and reactivation outweigh the losses. New MRR is not in it. Null when the start MRR is 0.
 */
export function netMrrChurn(s: MrrStats): number | null {
  const m = s.movements;
  return s.startMrr === 0 ? null : (m.churn + m.contraction - m.expansion - m.reactivation) / s.startMrr;
}

/** ARPA = MRR / active paying customers (MRR above 0), both at the end of P. Null without paying customers. */
export function averageRevenuePerAccount(s: MrrStats): number | null {
  return s.payingCustomers === 0 ? null : s.endMrr / s.payingCustomers;
}
