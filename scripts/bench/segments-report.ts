import type { Timing } from "./metrics/timing";
import type { BatchResult, PreviewResult, RecomputeResult } from "./segments-measure";

export type SegmentsRun = {
  date: string;
  machine: string;
  customers: number;
  events: number;
  runs: number;
  previews: PreviewResult[];
  recomputes: RecomputeResult[];
  batch: BatchResult;
};

/** The targets (issue 5 "Speed"). */
export const TARGETS = { previewP50Ms: 300, fullRecomputeMs: 5_000, batchRefreshMs: 100 } as const;

const f = (n: number) => (Number.isNaN(n) ? "—" : Math.round(n).toLocaleString("en-US"));
const ms = (t: Timing) => `${f(t.p50)} / ${f(t.p95)}`;
const met = (ok: boolean) => (ok ? "met" : "**not met**");

/** The Markdown section for docs/benchmarks.md. */
export function markdown(run: SegmentsRun): string {
  const { batch } = run;
  const [example] = run.previews;
  const slowestRecompute = Math.max(...run.recomputes.map((r) => Math.max(r.steady.p50, r.fromEmpty.p50)));
  return [
    `### Segments (${run.date}, ${run.machine})`,
    "",
    `PostgreSQL, the metrics bench database: ${f(run.customers)} customers, ${f(run.events)} events; the eight ready-made segments active. p50 / p95 in ms.`,
    "",
    `Preview (count + a sample of 20, ${run.runs} runs after a warm-up):`,
    "",
    "| rule | matches | p50 / p95 ms |",
    "| --- | --- | --- |",
    ...run.previews.map((p) => `| ${p.name} | ${f(p.count)} | ${ms(p.timing)} |`),
    "",
    `Full recompute of each ready-made segment (rolled back; over its current members, ${Math.min(run.runs, 3)} runs, and from none, 1 run):`,
    "",
    "| segment | members | current members p50 / p95 ms | from empty p50 / p95 ms |",
    "| --- | --- | --- | --- |",
    ...run.recomputes.map((r) => `| ${r.name} | ${f(r.members)} | ${ms(r.steady)} | ${ms(r.fromEmpty)} |`),
    "",
    `Incremental membership after a ${batch.size}-event batch (events drawn from the workspace's last 30 days, ~${f(batch.distinctCustomers)} random existing customers, ${batch.runs} batches after a warm-up, each in a rolled-back transaction):`,
    "",
    ...(batch.ingestError
      ? [
          `The batches could not go through ingest on this database (${batch.ingestError}); the refresh was timed for them as ingest would call it, without the rows stored.`,
          "",
        ]
      : []),
    "| measure | p50 / p95 ms |",
    "| --- | --- |",
    `| ingest with no active segment | ${ms(batch.ingestWithoutSegments)} |`,
    `| **refreshSegmentMembership (the added latency)** | **${ms(batch.refresh)}** |`,
    `| ingest with the eight active (another batch, end to end) | ${ms(batch.ingestWithSegments)} |`,
    ...batch.perSegment.map((s) => `| — ${s.name} (${f(s.customers.p50)} customers re-evaluated, p50) | ${ms(s.ms)} |`),
    "",
    `Targets: preview of the three-condition rule ≤ ${TARGETS.previewP50Ms} ms p50: ${met((example?.timing.p50 ?? Infinity) <= TARGETS.previewP50Ms)} (${f(example?.timing.p50 ?? Number.NaN)} ms); full recompute ≤ ${TARGETS.fullRecomputeMs / 1000} s: ${met(slowestRecompute <= TARGETS.fullRecomputeMs)} (slowest ${f(slowestRecompute)} ms); incremental update ≤ ${TARGETS.batchRefreshMs} ms: ${met(batch.refresh.p50 <= TARGETS.batchRefreshMs)} (p50 ${f(batch.refresh.p50)} ms).`,
  ].join("\n");
}
