import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { type DateRange, periodsTable } from "./period";
import { subscriptionTimeline } from "./subscriptions";

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
 * MRR and its movements per period (METRICS.md "MRR"). A customer's MRR at an instant comes from their latest
 * subscription event before it (see subscriptionTimeline); the workspace's MRR is the sum over customers.
 * Each subscription event in the period moves the customer from previous_mrr to mrr, classified as:
 *   0 → x > 0: new (never paid before) or reactivation (paid before); x > 0 → 0: churn (x);
 *   x → y > x > 0: expansion (y − x); x → y, 0 < y < x: contraction (x − y).
 * So end MRR = start MRR + new + reactivation + expansion − contraction − churn, exactly.
 */
export async function mrrStats(db: Db, context: MetricContext, periods: readonly DateRange[]): Promise<MrrStats[]> {
  if (periods.length === 0) return [];
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
      timeline as (${subscriptionTimeline(context, sql`(select max(end_at) from periods)`)}),
      mrr_at as (
        select i.at, coalesce(sum(t.mrr), 0) as mrr, count(*) filter (where t.mrr > 0) as paying
        from (select start_at as at from periods union select end_at from periods) i
        left join timeline t on t.at < i.at and (t.next_at is null or t.next_at >= i.at)
        group by i.at
      ),
      moves as (
        select p.idx,
          sum(t.mrr) filter (where t.previous_mrr = 0 and t.mrr > 0 and not t.paid_before) as new_mrr,
          sum(t.mrr) filter (where t.previous_mrr = 0 and t.mrr > 0 and t.paid_before) as reactivation,
          sum(t.mrr - t.previous_mrr) filter (where t.previous_mrr > 0 and t.mrr > t.previous_mrr) as expansion,
          sum(t.previous_mrr - t.mrr) filter (where t.mrr > 0 and t.mrr < t.previous_mrr) as contraction,
          sum(t.previous_mrr) filter (where t.previous_mrr > 0 and t.mrr = 0) as churn
        from periods p
        join timeline t on t.at >= p.start_at and t.at < p.end_at
        group by p.idx
      )
      select p.idx, s.mrr as start_mrr, e.mrr as end_mrr, e.paying::int as paying,
             m.new_mrr, m.reactivation, m.expansion, m.contraction, m.churn
      from periods p
      join mrr_at s on s.at = p.start_at
      join mrr_at e on e.at = p.end_at
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
