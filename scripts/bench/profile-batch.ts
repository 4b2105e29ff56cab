/**
 * `npx tsx scripts/bench/profile-batch.ts`: one process, PostgreSQL, ingestBatch on 500-event batches of known
 * customers, one at a time. Prints wall time and this process's CPU time per batch, so Node-side cost (JSON,
 * validation, query building) can be told apart from database time. Run with --cpu-prof for a profile.
 */
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { workspaces } from "@/lib/db/schema";
import { acceptBatch } from "@/lib/ingest/inbox/accept";
import { DRAIN_CHUNK_EVENTS, drainInboxOnce } from "@/lib/ingest/inbox/drain";
import { ingestBatch } from "@/lib/ingest/ingest";
import { Random } from "@/lib/seed/random";
import { createPostgresDatabase } from "@/test/postgres";
import { makeBatch } from "./events";

const CUSTOMERS = Number(process.env.PROFILE_CUSTOMERS ?? 20_000);
const BATCHES = Number(process.env.PROFILE_BATCHES ?? 60);
const SIZE = Number(process.env.PROFILE_SIZE ?? 500);
/** PROFILE_ACCEPT=1: time the accept path (inbox insert) per batch, then the drain of everything accepted. */
const ACCEPT = process.env.PROFILE_ACCEPT === "1";

async function main() {
  const pg = await createPostgresDatabase(
    process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  );
  const database = await openDatabase({ kind: "postgres", url: pg.url, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const [w] = await database.db.insert(workspaces).values({ name: "Profile" }).returning();
    const target = { workspaceId: w!.id, sourceId: null };
    for (let first = 1; first <= CUSTOMERS; first += 500) {
      const items = Array.from({ length: Math.min(500, CUSTOMERS - first + 1) }, (_, i) => ({
        raw: {
          type: "identify",
          userId: `user-${first + i}`,
          anonymousId: `anon-${first + i}`,
          traits: { plan: "basic" },
        },
      }));
      await ingestBatch(database.db, target, items);
    }
    const random = new Random(3);
    let wall = 0;
    let cpu = 0;
    let parse = 0;
    for (let b = 0; b < BATCHES; b++) {
      const body = JSON.stringify({ batch: makeBatch(random, SIZE, "p", b * SIZE, CUSTOMERS) });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const parsed = JSON.parse(body) as { batch: unknown[] };
      const items = parsed.batch.map((raw) => ({ raw, sizeBytes: Buffer.byteLength(JSON.stringify(raw)) }));
      const t1 = performance.now();
      if (ACCEPT) await acceptBatch(database.db, target, items, { receivedAt: new Date() });
      else await ingestBatch(database.db, target, items);
      const c = process.cpuUsage(c0);
      if (b >= 10) {
        wall += performance.now() - t0;
        parse += t1 - t0;
        cpu += (c.user + c.system) / 1000;
      }
    }
    const n = BATCHES - 10;
    if (ACCEPT) {
      const d0 = performance.now();
      const c0 = process.cpuUsage();
      const maxEvents = Number(process.env.PROFILE_CHUNK ?? DRAIN_CHUNK_EVENTS);
      let drained = 0;
      for (;;) {
        const pass = await drainInboxOnce(database.db, { maxEvents });
        if (pass.rows === 0) break;
        drained += pass.events;
      }
      const c = process.cpuUsage(c0);
      const ms = performance.now() - d0;
      console.log(
        `drain: ${drained} events in ${ms.toFixed(0)} ms (${Math.round(drained / (ms / 1000))} events/s), node cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`,
      );
    }
    console.log(
      `per ${SIZE}-event batch: wall ${(wall / n).toFixed(1)} ms, node cpu ${(cpu / n).toFixed(1)} ms, json ${(parse / n).toFixed(1)} ms`,
    );
  } finally {
    await database.close();
    await pg.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
