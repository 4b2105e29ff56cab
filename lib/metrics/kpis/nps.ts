import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext } from "@/lib/metrics/settings";
import { type DateRange, periodsTable } from "./period";
import { countedCustomer, jsonNumber } from "./sql";

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
 * answer. Promoters 9–10, passives 7–8, detractors 0–6. Reads one event name over the period through the
 * (workspace_id, name, timestamp) index; survey answers are few, so no rollup is needed even at 10M events.
 */
export async function npsStats(db: Db, context: MetricContext, periods: readonly DateRange[]): Promise<NpsStats[]> {
  if (periods.length === 0) return [];
  const { workspaceId } = context;
  const score = jsonNumber(sql`e.properties`, NPS_SCORE_PROPERTY);
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
        select p.idx, e.customer_id, s.score,
               row_number() over (partition by p.idx, e.customer_id order by e.timestamp desc, e.id desc) as latest
        from events e
        cross join lateral (select ${score} as score) s
        join periods p on e.timestamp >= p.start_at and e.timestamp < p.end_at
        where e.workspace_id = ${workspaceId} and e.name = ${NPS_EVENT} and e.type = 'track'
          and e.timestamp >= (select min(start_at) from periods) and e.timestamp < (select max(end_at) from periods)
          and s.score between 0 and 10 and s.score = trunc(s.score)
          and ${countedCustomer(sql`e.customer_id`, workspaceId)}
      )
      select p.idx,
             count(a.score) filter (where a.score >= 9)::int as promoters,
             count(a.score) filter (where a.score between 7 and 8)::int as passives,
             count(a.score) filter (where a.score <= 6)::int as detractors,
             count(a.score)::int as responses
      from periods p
      left join answers a on a.idx = p.idx and a.latest = 1
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
