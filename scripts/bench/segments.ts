/**
 * The segments section of the benchmark (issue 5 "Speed"), on the metrics bench database (100,000 customers,
 * ~10M events): (a) preview count + sample of the three-condition rule and of each ready-made segment's
 * rule, (b) full recompute of each ready-made segment, (c) the ingest latency the incremental membership update
 * adds to a 500-event batch. Everything that writes runs in transactions that are rolled back. Prints a Markdown
 * section for docs/benchmarks.md and writes the raw numbers to bench-results/.
 *
 *   npx tsx scripts/bench/segments.ts [--customers N] [--as-is] [--runs N] [--batch-runs N] [--batch-size N]
 *
 * --as-is opens the bench database as it is (no migration, seeding or backfill), for measuring while someone
 * else owns it. Exits 1 when the database holds no demo workspace or the ready-made segments are missing.
 */
import fs from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { findExistingDemo } from "@/lib/seed/existing";
import { parseSegmentRule } from "@/lib/segments/parse";
import { activeDynamicSegments } from "@/lib/segments/store/refresh";
import { SEGMENT_TEMPLATES } from "@/lib/segments/store/templates";
import { openBenchDatabase, prepareBenchData } from "./metrics/bench-database";
import { measureBatchRefresh, measurePreview, measureRecompute } from "./segments-measure";
import { markdown, type SegmentsRun } from "./segments-report";

const log = (message: string) => console.log(`bench segments: ${message}`);

/** The example with a third condition: purchased ≥ 2 times in 30 days AND NPS ≤ 6 AND an active subscriber. */
export const THREE_CONDITION_RULE = parseSegmentRule({
  type: "group",
  combinator: "and",
  conditions: [
    {
      type: "event",
      event: "Order Completed",
      operator: "performed",
      count: { operator: "at_least", value: 2 },
      window: { type: "last", amount: 30, unit: "days" },
    },
    { type: "nps", band: "detractor" },
    { type: "trait", trait: "subscription_status", test: { type: "string", operator: "equals", value: "active" } },
  ],
});

type Options = { customers: number; asIs: boolean; runs: number; batchRuns: number; batchSize: number };

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { customers: 100_000, asIs: false, runs: 7, batchRuns: 9, batchSize: 500 };
  const numeric = {
    "--customers": "customers",
    "--runs": "runs",
    "--batch-runs": "batchRuns",
    "--batch-size": "batchSize",
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--as-is") options.asIs = true;
    else if (arg === "--reuse")
      continue; // always reused; accepted for symmetry with the metrics bench
    else if (arg in numeric) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number`);
      options[numeric[arg as keyof typeof numeric]] = value;
    } else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

async function dataSizes(db: Db, workspaceId: string) {
  const [row] = await rows<{ customers: number; events: number }>(
    db,
    sql`select (select count(*)::int from customers c where c.workspace_id = ${workspaceId} and c.merged_into is null) as customers,
               (select count(*)::int from events e where e.workspace_id = ${workspaceId}) as events`,
  );
  return { customers: Number(row?.customers ?? 0), events: Number(row?.events ?? 0) };
}

export async function benchSegments(options: Options): Promise<SegmentsRun> {
  const database = await openBenchDatabase("postgres");
  try {
    const workspaceId = options.asIs
      ? (await findExistingDemo(database.db)).workspaceIds[0]
      : (await prepareBenchData(database, { customers: options.customers, days: 365, reuse: true }, log)).workspaceId;
    if (workspaceId === undefined)
      throw new Error("no demo workspace in the bench database: run the metrics bench first");
    const { db } = database;
    const sizes = await dataSizes(db, workspaceId);
    log(`${sizes.customers.toLocaleString("en-US")} customers, ${sizes.events.toLocaleString("en-US")} events`);
    const templateNames = new Set(SEGMENT_TEMPLATES.map((t) => t.name));
    const segments = (await activeDynamicSegments(db, workspaceId)).filter((s) => templateNames.has(s.name));
    if (segments.length !== SEGMENT_TEMPLATES.length)
      throw new Error(`expected the ${SEGMENT_TEMPLATES.length} ready-made segments active, found ${segments.length}`);
    // One instant for every measurement, so windows and "today" agree between them.
    const now = new Date();

    const previews = [];
    log("previews");
    previews.push(
      await measurePreview(
        db,
        workspaceId,
        "Three conditions (the issue's example)",
        THREE_CONDITION_RULE,
        now,
        options.runs,
      ),
    );
    for (const segment of segments) {
      if (!segment.rule) continue;
      previews.push(await measurePreview(db, workspaceId, segment.name, segment.rule, now, options.runs));
      log(`  ${segment.name}: p50 ${previews.at(-1)?.timing.p50.toFixed(0)} ms`);
    }
    log("full recomputes");
    const recomputes = [];
    for (const segment of segments) {
      recomputes.push(await measureRecompute(db, segment, now, Math.min(options.runs, 3)));
      log(`  ${segment.name}: p50 ${recomputes.at(-1)?.steady.p50.toFixed(0)} ms`);
    }
    log(`incremental refresh after ${options.batchSize}-event batches`);
    const batch = await measureBatchRefresh(db, workspaceId, now, { size: options.batchSize, runs: options.batchRuns });
    return {
      date: now.toISOString().slice(0, 10),
      machine: machine(),
      ...sizes,
      runs: options.runs,
      previews,
      recomputes,
      batch,
    };
  } finally {
    await database.close();
  }
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function main(): Promise<number> {
  const run = await benchSegments(parseOptions(process.argv.slice(2)));
  fs.mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/segments-${Date.now()}.json`;
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  console.log(`\n${markdown(run)}\n\nRaw numbers: ${file}`);
  return 0;
}

if (process.argv[1]?.endsWith("segments.ts")) {
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
