/**
 * `npm run bench`: performance measurements, never asserted in tests. Prints a Markdown report to paste into
 * docs/benchmarks.md and writes the raw numbers to bench-results/.
 * Needs a PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and a production build (`npm run build`). Sections: ingest (BENCH_SECONDS, BENCH_CLIENTS), then metrics
 * (scripts/bench/metrics.ts: rollup queries against raw SQL and DuckDB on a 10M-event database it seeds once
 * and reuses; it fails the run when the answers differ), then segments (scripts/bench/segments.ts, on the same
 * database). BENCH_SECTIONS=ingest, =metrics or =segments runs one of them; BENCH_DATABASES=postgres leaves out
 * the ingest run on PGlite.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { benchIngest } from "./bench/ingest";

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("Build the app first: npm run build");
    process.exit(1);
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`bench: ${machine}`);
  const sections = (process.env.BENCH_SECTIONS ?? "ingest,metrics,segments").split(",");
  if (sections.includes("ingest")) await ingestSection(machine);
  if (sections.includes("metrics")) {
    for (const database of ["postgres", "pglite"]) {
      execFileSync("npx", ["tsx", "scripts/bench/metrics.ts", "--database", database, "--reuse", "--raw-runs", "3"], {
        stdio: "inherit",
      });
    }
  }
  // Segment previews, full recomputes and the ingest refresh on the metrics bench database (scripts/bench/segments.ts).
  if (sections.includes("segments")) {
    execFileSync("npx", ["tsx", "scripts/bench/segments.ts", "--reuse"], { stdio: "inherit" });
  }
}

async function ingestSection(machine: string) {
  const ingest = await benchIngest();
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(`bench-results/ingest-${Date.now()}.json`, JSON.stringify({ machine, ingest }, null, 2));
  const f = (n: number) => Math.round(n).toLocaleString("en-US");
  const lines = [
    `### Ingest (${new Date().toISOString().slice(0, 10)}, ${machine})`,
    "",
    `POST /v1/batch, ${ingest.batch}-event batches, ${ingest.clients} concurrent clients for ${ingest.seconds} s, ${f(ingest.customers)} distinct customers, identity resolution and rollups on; event timestamps up to ${f(ingest.spreadMs / 1000)} s back; ${f(ingest.warmupEvents)} events of the same stream sent before the measured run.`,
    "",
    "| database | events accepted (2xx) | accepted events/s | batch p50 ms | p95 ms | p99 ms | responses | drain after last request s | processed events/s (end to end) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...ingest.results.map(
      (r) =>
        `| ${r.database} | ${f(r.events)} | ${f(r.eventsPerSecond)} | ${f(r.batchLatencyMs.p50)} | ${f(r.batchLatencyMs.p95)} | ${f(r.batchLatencyMs.p99)} | ${Object.entries(
          r.status,
        )
          .map(([s, n]) => `${s}×${n}`)
          .join(" ")} | ${r.drainSeconds.toFixed(1)} | ${f(r.processedPerSecond)} |`,
    ),
    "",
    `The load generator runs on the same machine: it spent ${ingest.results.map((r) => `${r.clientCpuSeconds.toFixed(1)} s of CPU (${r.database})`).join(", ")} while sending.`,
    "",
    `Reference, same run: multi-row INSERT of ${f(ingest.reference.rows)} rows of the same shape into events of a fresh PostgreSQL database, measured before and after the HTTP run (${f(ingest.reference.before)} and ${f(ingest.reference.after)} rows/s): **${f(ingest.reference.rowsPerSecond)} rows/s** on average; the HTTP path on PostgreSQL accepts at ${((ingest.results[0]!.eventsPerSecond / ingest.reference.rowsPerSecond) * 100).toFixed(0)} % of it and processes end to end at ${((ingest.results[0]!.processedPerSecond / ingest.reference.rowsPerSecond) * 100).toFixed(0)} %.`,
  ];
  console.log(`\n${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
