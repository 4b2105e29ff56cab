import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { type DateRange, periodsTable } from "./period";

/**
 * The survey answer event and its score property. Metric settings have no field for them yet; these are the
 * names the demo and common survey tools (Delighted, Wootric via Segment) send.
 */
export const NPS_EVENT = "NPS Submitted";
export const NPS_SCORE_PROPERTY = "score";

export type NpsStats = { promoters: number; passives: number; detractors: number; responses: number };

/**
 * NPS responses per period (METRICS.md "NPS"): each customer's latest answer in the period counts once (an
 * earlier answer in the same period is replaced). Scores must be whole numbers 0–10; anything else is not an
 * answer. Promoters 9–10, passives 7–8, detractors 0–6. Reads nps_answers (lib/metrics/facts/nps.ts), which
 * holds exactly the valid answers of customers that still count, from its (workspace_id, answered_at) index
 * that carries customer, event id and score: the period's answers only, without the events' JSON.
 */
export async function npsStats(db: Db, context: MetricContext, periods: readonly DateRange[]): Promise<NpsStats[]> {
  if (periods.length === 0) return [];
  const { workspaceId } = context;
  const result = await rows<{
    idx: number;
    promoters: number;
    passives: number;
    detractors: number;
    responses: number;
  }>(
    db,
    sql`
      with periods as (${periodsTable(periods, context.timeZone)}),
      answers as (
        select distinct on (p.idx, a.customer_id) p.idx, a.score
        from periods p
        join nps_answers a
          on a.workspace_id = ${workspaceId} and a.answered_at >= p.start_at and a.answered_at < p.end_at
        order by p.idx, a.customer_id, a.answered_at desc, a.event_id desc
      )
      select p.idx,
             count(a.score) filter (where a.score >= 9)::int as promoters,
             count(a.score) filter (where a.score between 7 and 8)::int as passives,
             count(a.score) filter (where a.score <= 6)::int as detractors,
             count(a.score)::int as responses
      from periods p
      left join answers a on a.idx = p.idx
      group by p.idx
      order by p.idx
    `,
  );
  return result.map((r) => ({
    promoters: Number(r.promoters),
    passives: Number(r.passives),
    detractors: Number(r.detractors),
    responses: Number(r.responses),
  }));
}

/** NPS = % promoters − % detractors, from −100 to 100. Null without responses. */
export function netPromoterScore(s: NpsStats): number | null {
  return s.responses === 0 ? null : (100 * (s.promoters - s.detractors)) / s.responses;
}
