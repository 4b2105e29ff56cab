/**
 * Ingest benchmark: sustained POST /v1/batch (500-event batches, several concurrent clients) against a real
 * `next start` server, on PostgreSQL and on PGlite, with identity resolution and rollups on; and, as the
 * reference measured in the same run, a plain multi-row INSERT of rows of the same shape into events.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { sources, workspaces } from "@/lib/db/schema";
import { Random } from "@/lib/seed/random";
import { createPostgresDatabase } from "@/test/postgres";
import { makeBatch } from "./events";
import { summarize } from "./stats";

const BATCH = 500;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CUSTOMERS = 50_000;
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS ?? 30 * 86_400_000);
/**
 * Events of the same stream sent (unmeasured) before the measured run. 0: every customer starts the measured
 * run with no event yet, so its first events of the week create its rollup rows.
 */
const WARMUP_EVENTS = Number(process.env.BENCH_WARMUP_EVENTS ?? 0);
const WRITE_KEY = "bench_write_key";
/** Rows of the reference INSERT, each time it is measured: about what the HTTP run accepts. */
const REFERENCE_ROWS = 250_000;

export type IngestResult = {
  database: string;
  /** Events answered 2xx (committed: as events, or in the inbox the drain works through). */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Seconds after the last request until the inbox was empty, i.e. every accepted event was readable. */
  drainSeconds: number;
  /** Accepted events ÷ (sending time + drain time): the end-to-end rate at which events became readable. */
  processedPerSecond: number;
  batchLatencyMs: ReturnType<typeof summarize>;
  status: Record<string, number>;
  /** CPU seconds this load generator spent while sending (taken from the same 2 cores as the server). */
  clientCpuSeconds: number;
};

async function prepare(options: Parameters<typeof openDatabase>[0]) {
  const database = await openDatabase(options);
  await migrateDatabase(database);
  const [w] = await database.db.insert(workspaces).values({ name: "Bench", timeZone: "UTC" }).returning();
  await database.db
    .insert(sources)
    .values({ workspaceId: w!.id, name: "bench", writeKey: WRITE_KEY, rateLimitPerSecond: 10_000_000 });
  await database.close();
  return w!.id;
}

async function waitForServer(url: string, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/**
 * Sends the stream from CLIENTS concurrent clients for SECONDS, or, with `events`, until that many were
 * accepted (the warm-up, another seed), then waits until the inbox is empty.
 */
async function drive(url: string, label: string, warmup?: { events: number }): Promise<IngestResult> {
  const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  let events = 0;
  const runId = `${label}-${warmup ? "warmup" : "run"}-${Date.now()}`;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const going = () => (warmup ? events < warmup.events : performance.now() < deadline);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const random = new Random(client + (warmup ? 101 : 1));
      let offset = client * 10_000_000;
      while (going()) {
        const body = JSON.stringify({
          batch: makeBatch(random, BATCH, runId, offset, CUSTOMERS, SPREAD_MS),
          sentAt: new Date().toISOString(),
        });
        offset += BATCH;
        const t0 = performance.now();
        const response = await fetch(`${url}/v1/batch`, {
          method: "POST",
          body,
          headers: { authorization: auth, "content-type": "application/json" },
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        status[response.status] = (status[response.status] ?? 0) + 1;
        if (response.ok) events += BATCH;
        else if (response.status === 429)
          await new Promise((r) => setTimeout(r, 1000 * Number(response.headers.get("retry-after") ?? 1)));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const drainStarted = performance.now();
  await waitForEmptyInbox(url, auth);
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  return {
    database: label,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    drainSeconds,
    processedPerSecond: events / (seconds + drainSeconds),
    batchLatencyMs: summarize(latencies),
    status,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** Polls GET /v1/backlog until nothing accepted is waiting to be stored. */
async function waitForEmptyInbox(url: string, auth: string) {
  for (;;) {
    const response = await fetch(`${url}/v1/backlog`, { headers: { authorization: auth } });
    const { pendingEvents } = (await response.json()) as { pendingEvents: number };
    if (pendingEvents === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serve(env: Record<string, string>, label: string, port: number) {
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      ...env,
      WORKER: "off",
      SEED: "0",
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer(`http://localhost:${port}`, child);
    // Sustained ingest is mostly about customers already known: identify all of them first (not measured),
    // linking each one's anonymous id, so the measured stream is the steady state, not first contact. The
    // identify is dated a day before the stream's earliest event, as a known customer's first visit would be:
    // dated now, every event of the stream arrived "before the customer was first seen" and moved first_seen_at.
    const identifiedAt = new Date(Date.now() - SPREAD_MS - 86_400_000).toISOString();
    for (let first = 1; first <= CUSTOMERS; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, CUSTOMERS - first + 1) }, (_, i) => ({
        timestamp: identifiedAt,
        type: "identify",
        userId: `user-${first + i}`,
        anonymousId: `anon-${first + i}`,
        traits: { plan: "basic" },
        messageId: `${label}-warm-${first + i}`,
      }));
      await fetch(`http://localhost:${port}/v1/batch`, {
        method: "POST",
        body: JSON.stringify({ batch }),
        headers: { authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}` },
      });
    }
    await waitForEmptyInbox(`http://localhost:${port}`, `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`);
    if (WARMUP_EVENTS > 0) await drive(`http://localhost:${port}`, label, { events: WARMUP_EVENTS });
    return await drive(`http://localhost:${port}`, label);
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((r) => child.on("exit", r));
  }
}

/**
 * The reference: rows of the same shape, multi-row INSERT straight into events of a fresh database. Measured
 * before and after the HTTP run: this machine's speed drifted by up to 25 % within one run, and one side
 * measured alone moved the ratio by as much as the changes being compared.
 */
async function rawInsertRate(baseUrl: string, rowsTotal: number) {
  const fresh = await createPostgresDatabase(baseUrl);
  const database = await openDatabase({ kind: "postgres", url: fresh.url, poolSize: 1 });
  try {
    await migrateDatabase(database);
    return await insertRows(database, rowsTotal);
  } finally {
    await database.close();
    await fresh.drop();
  }
}

async function insertRows(database: Database, rowsTotal: number) {
  const [w] = await database.db.insert(workspaces).values({ name: "Raw" }).returning();
  const random = new Random(7);
  let done = 0;
  const started = performance.now();
  while (done < rowsTotal) {
    const batch = makeBatch(random, BATCH, "raw", done, CUSTOMERS);
    const values = sql.join(
      batch.map(
        (e, i) =>
          sql`(${w!.id}::uuid, ${String(e.messageId)}, ${done + i}, ${String(e.type)}, ${(e.event ?? e.name ?? null) as string | null}, ${JSON.stringify(e.properties ?? {})}::jsonb, ${String(e.timestamp)}::timestamptz)`,
      ),
      sql`, `,
    );
    await database.db.execute(
      sql`insert into events (workspace_id, message_id, customer_id, type, name, properties, timestamp) values ${values}`,
    );
    done += BATCH;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: done, seconds, rowsPerSecond: done / seconds };
}

export async function benchIngest() {
  const baseUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const results: IngestResult[] = [];
  const before = await rawInsertRate(baseUrl, REFERENCE_ROWS);
  const pg = await createPostgresDatabase(baseUrl);
  try {
    await prepare({ kind: "postgres", url: pg.url });
    results.push(await serve({ DATABASE_URL: pg.url }, "postgres", 3401));
    const after = await rawInsertRate(baseUrl, REFERENCE_ROWS);
    const reference = {
      rows: REFERENCE_ROWS,
      before: before.rowsPerSecond,
      after: after.rowsPerSecond,
      rowsPerSecond: (before.rowsPerSecond + after.rowsPerSecond) / 2,
    };
    // BENCH_DATABASES=postgres skips the PGlite run (quicker comparisons of the PostgreSQL path).
    if ((process.env.BENCH_DATABASES ?? "postgres,pglite").split(",").includes("pglite")) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tenure-bench-"));
      try {
        await prepare({ kind: "pglite", dataDir: dir });
        results.push(await serve({ DATA_DIR: dir, DATABASE_URL: "" }, "pglite", 3402));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    return {
      results,
      reference,
      clients: CLIENTS,
      batch: BATCH,
      seconds: SECONDS,
      customers: CUSTOMERS,
      spreadMs: SPREAD_MS,
      warmupEvents: WARMUP_EVENTS,
    };
  } finally {
    await pg.drop();
  }
}
