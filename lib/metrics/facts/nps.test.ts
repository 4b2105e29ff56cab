import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { NPS_EVENT, type NpsStats, npsStats } from "@/lib/metrics/kpis/nps";
import { type DateRange, splitRange } from "@/lib/metrics/kpis/period";
import { loadMetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { rebuildNpsAnswers } from "./nps";
import { ingest, mergedProfiles, newWorkspace, randomStream } from "./random-stream";

type Answer = { customer_id: number; event_id: number; answered_at: string; score: number };

async function answers(db: Db, workspaceId: string): Promise<Answer[]> {
  const found = await rows<Answer>(
    db,
    sql`select customer_id, event_id, answered_at::text, score from nps_answers
        where workspace_id = ${workspaceId} order by customer_id, event_id`,
  );
  return found.map((a) => ({
    ...a,
    customer_id: Number(a.customer_id),
    event_id: Number(a.event_id),
    score: Number(a.score),
  }));
}

// Valid answers (numbers and numeric strings, whole 0–10) and what is not an answer.
const SCORES: unknown[] = [10, 9, 9, 8, 7, 6, 3, 0, "9", " 7 ", "abc", 11, 6.5, -1, null, true];

/** METRICS.md "NPS" read literally from the raw events: whole numbers 0–10, JSON numbers or numeric strings. */
function scoreOf(value: unknown): number | null {
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\s*-?[0-9]{1,12}(\.[0-9]+)?\s*$/.test(value)) n = Number(value.trim());
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 10 ? n : null;
}

/** Per period: each still-counting customer's latest valid answer in it, in bands. */
async function reference(db: Db, workspaceId: string, periods: readonly DateRange[]): Promise<NpsStats[]> {
  const events = await rows<{ id: number; customer_id: number; at: number; score: unknown }>(
    db,
    sql`select e.id, e.customer_id, round(extract(epoch from e.timestamp) * 1000)::float8 as at,
               e.properties -> 'score' as score
        from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.type = 'track' and e.name = ${NPS_EVENT} and c.merged_into is null`,
  );
  return periods.map((p) => {
    const start = Date.parse(`${p.from}T00:00:00Z`);
    const end = Date.parse(`${p.to}T00:00:00Z`) + 86_400_000;
    const latest = new Map<number, { at: number; id: number; score: number }>();
    for (const e of events) {
      const score = scoreOf(e.score);
      const at = Number(e.at);
      if (score === null || at < start || at >= end) continue;
      const prior = latest.get(Number(e.customer_id));
      if (!prior || at > prior.at || (at === prior.at && Number(e.id) > prior.id))
        latest.set(Number(e.customer_id), { at, id: Number(e.id), score });
    }
    const scores = [...latest.values()].map((a) => a.score);
    return {
      promoters: scores.filter((s) => s >= 9).length,
      passives: scores.filter((s) => s === 7 || s === 8).length,
      detractors: scores.filter((s) => s <= 6).length,
      responses: scores.length,
    };
  });
}

describeEachDatabase("nps_answers kept by ingest", ({ database }) => {
  /**
   * Property: after any stream of ingests (merges, retries, out-of-order arrival, invalid scores) the answers
   * ingest kept equal a rebuild from raw events, and NPS per week read from them equals METRICS.md applied to
   * the raw events.
   */
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random stream #${seed}: kept answers equal a rebuild, NPS equals the raw events'`, async () => {
      const db = database().db;
      const ws = await newWorkspace(db, `nps p${seed}`);
      const stream = randomStream(seed, {
        names: [NPS_EVENT, NPS_EVENT, "Viewed"],
        properties: (name, random) =>
          name === NPS_EVENT ? { score: SCORES[Math.floor(random() * SCORES.length)] } : {},
      });
      await ingest(db, ws, stream);
      const kept = await answers(db, ws);
      await rebuildNpsAnswers(db, ws);
      expect(kept).toEqual(await answers(db, ws));

      const weeks = splitRange({ from: "2026-02-23", to: "2026-05-03" }, "week");
      const context = await loadMetricContext(db, ws);
      const stats = await npsStats(db, context, [...weeks, { from: "2026-03-01", to: "2026-04-30" }]);
      expect(stats).toEqual(await reference(db, ws, [...weeks, { from: "2026-03-01", to: "2026-04-30" }]));

      expect(await mergedProfiles(db, ws)).toBeGreaterThan(0);
      expect(kept.length).toBeGreaterThan(3);
      // Some customer answered more than once (only the latest of a period counts).
      expect(new Set(kept.map((a) => a.customer_id)).size).toBeLessThan(kept.length);
    });
  }
});
