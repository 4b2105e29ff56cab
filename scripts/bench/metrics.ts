/**
 * The metrics section of the benchmark (issue 4 "Speed"): cohort retention and lifecycle from the rollup,
 * timed against the straightforward query over raw events on the same database and against DuckDB on a
 * copy of the same events, with a check that all three return identical numbers. Prints a Markdown section
 * for docs/benchmarks.md and writes the raw numbers to bench-results/.
 *
 *   npx tsx scripts/bench/metrics.ts [--database postgres|pglite] [--customers N] [--days N] [--reuse]
 *
 * Exits 1 when any query's numbers differ between the three.
 */
import fs from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { rows } from "@/lib/db/rows";
import { openBenchDatabase, prepareBenchData } from "./metrics/bench-database";
import { firstDifference } from "./metrics/canonical";
import { comparableCases } from "./metrics/cases";
import { openDuckReference } from "./metrics/duckdb";
import { explainingDb } from "./metrics/explain";
import { extraCases } from "./metrics/extra-cases";
import { type MetricsBenchOptions, parseOptions, USAGE, UsageError } from "./metrics/options";
import { duckdbEvents, postgresEvents } from "./metrics/raw-sql";
import { type CaseResult, type ExtraResult, type MetricsRun, markdown } from "./metrics/report";
import { measure, measureOrTimeout } from "./metrics/timing";

const log = (message: string) => console.log(`bench metrics: ${message}`);

export async function benchMetrics(options: MetricsBenchOptions): Promise<MetricsRun> {
  const database = await openBenchDatabase(options.database);
  try {
    const data = await prepareBenchData(database, options, log);
    const duck = await openDuckReference(data, log);
    try {
      // One instant for every query, so "today" and the running week are the same for all three.
      const now = new Date();
      const { db } = database;
      const cases: CaseResult[] = [];
      for (const c of comparableCases(data.workspaceId, now, data.timeZone)) {
        log(c.name);
        const rollup = await measureOrTimeout(() => c.rollup(db), options.runs);
        const raw = await measureOrTimeout(
          () => rows(db, sql.raw(c.rawSql(postgresEvents(data.workspaceId)))),
          options.rawRuns,
        );
        const duckdb = await measure(() => duck.run(c.rawSql(duckdbEvents)), options.rawRuns);
        // DuckDB always answers; the PostgreSQL sides are compared with it when they finished in time.
        const expected = c.fromRaw(duckdb.result);
        const difference =
          prefixed("rollup vs DuckDB", rollup.result && firstDifference(rollup.result, expected)) ??
          prefixed("raw SQL vs DuckDB", raw.result && firstDifference(c.fromRaw(raw.result), expected));
        if (difference !== null) console.error(`\nMISMATCH in "${c.name}": ${difference}\n`);
        log(
          `  rollup p50 ${rollup.timing.p50.toFixed(1)} ms, raw ${raw.timing.p50.toFixed(0)} ms, DuckDB ${duckdb.timing.p50.toFixed(0)} ms, ${expected.length} result lines`,
        );
        cases.push({ name: c.name, rollup: rollup.timing, raw: raw.timing, duckdb: duckdb.timing, difference });
      }
      const extras: ExtraResult[] = [];
      for (const e of extraCases(data.workspaceId, now, data.timeZone)) {
        log(e.name);
        extras.push({ name: e.name, timing: (await measure(() => e.run(db), options.runs)).timing });
      }
      const run: MetricsRun = {
        date: now.toISOString().slice(0, 10),
        machine: machine(),
        database: options.database,
        label: data.label,
        customers: data.customers,
        events: data.events,
        rollupRows: data.rollupRows,
        timeZone: data.timeZone,
        runs: options.runs,
        rawRuns: options.rawRuns,
        duckdbExportMs: duck.exportMs,
        cases,
        extras,
      };
      if (options.explain) writeExplain(await explainRollups(db, data.workspaceId, now, data.timeZone), options);
      return run;
    } finally {
      duck.close();
    }
  } finally {
    await database.close();
  }
}

function prefixed(what: string, difference: string | null): string | null {
  return difference ? `${what}: ${difference}` : null;
}

async function explainRollups(db: Parameters<typeof explainingDb>[0], workspaceId: string, now: Date, tz: string) {
  const sections: string[] = [];
  for (const c of comparableCases(workspaceId, now, tz)) {
    const plans: string[] = [];
    let note = "";
    const analyzed = await measureOrTimeout(() => c.rollup(explainingDb(db, plans)), 0);
    if (analyzed.timing.timedOut) {
      // Too slow to run to completion under the timeout: the estimated plan still shows its shape.
      plans.length = 0;
      note = " (timed out under EXPLAIN ANALYZE; estimated plan)";
      await c.rollup(explainingDb(db, plans, false));
    }
    sections.push(`## ${c.name}${note}\n\n${plans.join("\n\n")}`);
  }
  return sections.join("\n\n");
}

function writeExplain(text: string, options: MetricsBenchOptions) {
  fs.mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/metrics-explain-${options.database}-${Date.now()}.txt`;
  fs.writeFileSync(file, text);
  log(`EXPLAIN ANALYZE written to ${file}`);
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function main(): Promise<number> {
  let options: MetricsBenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const run = await benchMetrics(options);
  fs.mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/metrics-${options.database}-${Date.now()}.json`;
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  console.log(`\n${markdown(run)}\n\nRaw numbers: ${file}`);
  const mismatches = run.cases.filter((c) => c.difference !== null);
  for (const c of mismatches) console.error(`MISMATCH: ${c.name}: ${c.difference}`);
  return mismatches.length > 0 ? 1 : 0;
}

// Runs on its own (npx tsx scripts/bench/metrics.ts); scripts/bench.ts may import benchMetrics instead.
if (process.argv[1]?.endsWith("metrics.ts")) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
