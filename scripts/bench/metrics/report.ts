/** The Markdown section printed for docs/benchmarks.md, and the check of the issue's targets. */
import { STATEMENT_TIMEOUT_S } from "./bench-database";
import type { Timing } from "./timing";

export type CaseResult = {
  name: string;
  rollup: Timing;
  raw: Timing;
  duckdb: Timing;
  /** null when rollup, raw SQL and DuckDB returned identical numbers. */
  difference: string | null;
};
export type ExtraResult = { name: string; timing: Timing };

export type MetricsRun = {
  date: string;
  machine: string;
  database: "postgres" | "pglite";
  label: string;
  customers: number;
  events: number;
  rollupRows: number;
  timeZone: string;
  runs: number;
  rawRuns: number;
  duckdbExportMs: number | null;
  cases: CaseResult[];
  extras: ExtraResult[];
};

// Issue 4 "Speed", on PostgreSQL at 10M events.
export const TARGET = { p50Ms: 150, timesFasterThanRaw: 20 } as const;

/** Which of the three targets a case misses; empty when all are met. */
export function missedTargets(c: CaseResult): string[] {
  if (c.rollup.timedOut) return [`timed out after ${STATEMENT_TIMEOUT_S} s`];
  const missed: string[] = [];
  if (c.rollup.p50 > TARGET.p50Ms) missed.push(`p50 > ${TARGET.p50Ms} ms`);
  if (!c.raw.timedOut && c.raw.p50 / c.rollup.p50 < TARGET.timesFasterThanRaw)
    missed.push(`< ${TARGET.timesFasterThanRaw}× raw`);
  if (c.rollup.p50 >= c.duckdb.p50) missed.push("not faster than DuckDB");
  return missed;
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US"));
const pair = (t: Timing) => (t.timedOut ? `> ${STATEMENT_TIMEOUT_S} s, timed out` : `${ms(t.p50)} / ${ms(t.p95)}`);
const ratio = (c: CaseResult) =>
  c.rollup.timedOut || c.raw.timedOut ? "—" : `${(c.raw.p50 / c.rollup.p50).toFixed(1)}×`;
const count = (n: number) => n.toLocaleString("en-US");

export function markdown(run: MetricsRun): string {
  const size = `${(run.events / 1e6).toFixed(2)} M events, ${count(run.customers)} customers`;
  const target = (c: CaseResult) => {
    if (run.database !== "postgres") return "— (target is for PostgreSQL)";
    const missed = missedTargets(c);
    return missed.length === 0 ? "**yes**" : `**no**: ${missed.join(", ")}`;
  };
  return [
    `### ${run.date}, ${run.label}, ${run.machine}`,
    "",
    `${size}, ${count(run.rollupRows)} rows in customer_daily_activity, time zone ${run.timeZone}. Rollup queries: ${run.runs} timed runs after a warm-up; raw SQL and DuckDB: ${run.rawRuns}. DuckDB ${run.duckdbExportMs === null ? "reused its copy of the events" : `copy of the events (not in the timings): ${(run.duckdbExportMs / 1000).toFixed(0)} s`}. Milliseconds, p50 / p95.`,
    "",
    "| query | data size | rollup p50 / p95 | raw SQL p50 / p95 | raw ÷ rollup | DuckDB p50 / p95 | same numbers | target met? |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...run.cases.map(
      (c) =>
        `| ${c.name} | ${size} | ${pair(c.rollup)} | ${pair(c.raw)} | ${ratio(c)} | ${pair(c.duckdb)} | ${c.difference !== null ? "**NO**" : c.rollup.timedOut || c.raw.timedOut ? "yes (DuckDB and the side that finished)" : "yes"} | ${target(c)} |`,
    ),
    "",
    "| also timed (no raw counterpart) | p50 / p95 |",
    "| --- | --- |",
    ...run.extras.map((e) => `| ${e.name} | ${pair(e.timing)} |`),
  ].join("\n");
}
