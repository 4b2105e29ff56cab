import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { customers, events, workspaces } from "@/lib/db/schema";
import { createPostgresDatabase } from "@/test/postgres";
import { acceptBatch } from "./accept";
import { inboxBacklog } from "./drain";
import { inboxDrainer } from "./drainers";
import { ThreadInboxDrainer } from "./thread-drainer";

describe("which drain the server uses", () => {
  it("the embedded database drains on the main thread, even inside the Next.js server", async () => {
    const database = await openDatabase({ kind: "memory" });
    const runtime = process.env.NEXT_RUNTIME;
    process.env.NEXT_RUNTIME = "nodejs";
    try {
      await migrateDatabase(database);
      const drainer = inboxDrainer(database);
      expect(drainer.mode).toBe("in-process");
      await drainer.ready;
      await drainer.whenIdle();
    } finally {
      if (runtime === undefined) delete process.env.NEXT_RUNTIME;
      else process.env.NEXT_RUNTIME = runtime;
      await database.close();
    }
  });
});

// The thread drains PostgreSQL only (PGlite cannot be shared with another thread): wherever a server is
// available to tests, which is always in CI.
const postgresServer = process.env.TEST_DATABASE_URL;
if (postgresServer) {
  describe("draining PostgreSQL on a worker thread", () => {
    let database: Database;
    let drop: () => Promise<void>;
    let url = "";
    let ws = "";
    const drainers: ThreadInboxDrainer[] = [];
    // The thread's entry is TypeScript here (the server runs the bundled one).
    const startDrainer = () => {
      const drainer = new ThreadInboxDrainer({ url, loops: 2 }, ["--import", "tsx"]);
      drainers.push(drainer);
      return drainer;
    };

    beforeAll(async () => {
      const created = await createPostgresDatabase(postgresServer);
      url = created.url;
      drop = created.drop;
      database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
      await migrateDatabase(database);
      const [w] = await database.db.insert(workspaces).values({ name: "Thread" }).returning();
      ws = w!.id;
    }, 60_000);
    afterAll(async () => {
      for (const drainer of drainers) await drainer.close();
      await database?.close();
      await drop?.();
    });

    const accept = (prefix: string, users: number, perUser: number) =>
      acceptBatch(
        database.db,
        { workspaceId: ws, sourceId: null },
        Array.from({ length: users * perUser }, (_, i) => ({
          raw: {
            type: "track",
            userId: `${prefix}-user-${i % users}`,
            event: "Thread Test",
            messageId: `${prefix}-${i}`,
            timestamp: new Date(Date.UTC(2026, 4, 4, 10, i)).toISOString(),
          },
        })),
        { receivedAt: new Date() },
      );
    const storedCount = async (prefix: string) =>
      (
        await database.db
          .select({ id: events.id })
          .from(events)
          .where(and(eq(events.workspaceId, ws), like(events.messageId, `${prefix}-%`)))
      ).length;
    const eventCounts = async (prefix: string) =>
      (
        await database.db
          .select({ user: customers.externalId, events: customers.eventCount })
          .from(customers)
          .where(and(eq(customers.workspaceId, ws), like(customers.externalId, `${prefix}-user-%`)))
          .orderBy(asc(customers.externalId))
      ).map((c) => c.events);

    it("stores what was left in the inbox as soon as the thread starts, and counts it as pending meanwhile", async () => {
      await accept("left", 10, 30);
      const drainer = startDrainer();
      await drainer.ready;
      expect(drainer.idle).toBe(false);
      await drainer.whenIdle();
      expect(drainer.idle).toBe(true);
      expect(drainer.pendingEvents).toBe(0);
      expect(await storedCount("left")).toBe(300);
      expect(await eventCounts("left")).toEqual(Array(10).fill(30));
      expect(await inboxBacklog(database.db, ws)).toBe(0);
    });

    it("stores every kicked batch once, and counts its events as pending until the thread has stored them", async () => {
      const drainer = startDrainer();
      await drainer.ready;
      let accepted = 0;
      for (let b = 0; b < 6; b++) {
        const outcome = await accept(`kick${b}`, 25, 40);
        accepted += outcome.accepted;
        drainer.kick(outcome.accepted);
      }
      expect(accepted).toBe(6_000);
      expect(drainer.pendingEvents).toBeGreaterThan(0);
      await drainer.whenIdle();
      expect(drainer.pendingEvents).toBe(0);
      for (let b = 0; b < 6; b++) {
        expect(await storedCount(`kick${b}`)).toBe(1_000);
        expect(await eventCounts(`kick${b}`)).toEqual(Array(25).fill(40));
      }
    });

    it("what a thread that died left stays pending (the backlog bound holds); the next kick stores it", async () => {
      const drainer = startDrainer();
      await drainer.ready;
      const outcome = await accept("revived", 20, 100);
      drainer.kick(outcome.accepted);
      // Dies long before its 2,000-event transaction could commit.
      await drainer.close();
      await drainer.whenIdle();
      expect(drainer.pendingEvents).toBe(2_000);
      expect(drainer.idle).toBe(false);
      expect(await storedCount("revived")).toBe(0);

      drainer.kick();
      await drainer.ready;
      await drainer.whenIdle();
      expect(drainer.pendingEvents).toBe(0);
      expect(await storedCount("revived")).toBe(2_000);
      expect(await eventCounts("revived")).toEqual(Array(20).fill(100));
      expect(await inboxBacklog(database.db, ws)).toBe(0);
    });

    it("a thread whose database is gone gives up retrying but keeps the accepted events counted as pending", async () => {
      const missing = new URL(url);
      missing.pathname = "/tenure_no_such_database";
      const drainer = new ThreadInboxDrainer({ url: missing.toString(), loops: 2 }, ["--import", "tsx"]);
      drainers.push(drainer);
      await drainer.ready;
      drainer.kick(500);
      // Each loop retries with backoff (about 20 s in all) before it stops.
      await drainer.whenIdle();
      expect(drainer.pendingEvents).toBe(500);
      expect(drainer.idle).toBe(false);
    }, 60_000);
  });
}
