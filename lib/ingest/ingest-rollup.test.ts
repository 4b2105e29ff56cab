import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildAllRollups, rollupSnapshot } from "@/test/rollup-snapshot";
import { ingestBatch } from "./ingest";

/**
 * Property: after any sequence of ingests — anonymous and identified traffic, identifies that merge profiles,
 * aliases, repeated order ids, retried batches, subscription changes — the incrementally maintained rollups
 * (daily activity, period activity, named-event periods, cohort cells, lifecycle counts) and profile facts
 * equal a rebuild from raw events.
 */
describeEachDatabase("incremental rollups equal a rebuild from raw events", ({ database }) => {
  for (const seed of [1, 2, 3, 4]) {
    it(`random stream #${seed}`, async () => {
      const db = database().db;
      const [w] = await db
        .insert(workspaces)
        .values({ name: `p${seed}`, timeZone: "America/New_York" })
        .returning();
      const ws = w!.id;
      const rng = new Random(seed);
      const random = () => rng.next();
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const users = ["u1", "u2", "u3", "u4", "u5"];
      const anons = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"];
      const names = [
        "Logged In",
        "Order Completed",
        "Subscription Started",
        "Subscription Cancelled",
        "Box Customized",
        "NPS Submitted",
      ];
      const sent: unknown[][] = [];
      let n = 0;
      for (let b = 0; b < 12; b++) {
        const batch: unknown[] = [];
        const size = 1 + Math.floor(random() * 25);
        for (let i = 0; i < size; i++) {
          n++;
          const hasUser = random() < 0.5;
          const hasAnon = !hasUser || random() < 0.5;
          const type = pick(["track", "track", "track", "page", "identify", "alias"] as const);
          const timestamp = new Date(
            Date.parse("2026-03-01T00:00:00Z") + Math.floor(random() * 60 * 86_400_000),
          ).toISOString();
          const base = {
            messageId: `m${seed}-${n}`,
            timestamp,
            ...(hasUser || type === "alias" ? { userId: pick(users) } : {}),
            ...(hasAnon ? { anonymousId: pick(anons) } : {}),
          };
          if (type === "alias") batch.push({ ...base, type, previousId: random() < 0.5 ? pick(anons) : pick(users) });
          else if (type === "identify") batch.push({ ...base, type, traits: { plan: pick(["a", "b"]) } });
          else if (type === "page") batch.push({ ...base, type, name: "Home" });
          else {
            const event = pick(names);
            batch.push({
              ...base,
              type,
              event,
              properties:
                event === "Order Completed"
                  ? { order_id: `o${Math.floor(random() * 6)}`, revenue: Math.round(random() * 10_000) / 100 }
                  : event.startsWith("Subscription")
                    ? { mrr: Math.round(random() * 100), plan: "p" }
                    : event === "NPS Submitted"
                      ? // valid scores, and the invalid ones the latest valid answer must skip
                        { score: pick([0, 6, 7, 9, 10, "8", 11, 7.5, "x"]) }
                      : {},
            });
          }
        }
        sent.push(batch);
        // Every third batch is also retried, as a client would after a timeout.
        const repeats = b % 3 === 2 ? [batch, sent[b - 1]!] : [batch];
        for (const r of repeats)
          await ingestBatch(
            db,
            { workspaceId: ws, sourceId: null },
            r.map((raw) => ({ raw })),
          );
      }

      const incremental = await rollupSnapshot(db, ws);
      await rebuildAllRollups(db, ws);
      expect(incremental).toEqual(await rollupSnapshot(db, ws));
      expect(incremental.activity.length).toBeGreaterThan(0);
      expect(incremental.cohortCells.length).toBeGreaterThan(0);
      expect(incremental.lifecycleCounts.length).toBeGreaterThan(0);
      // The stream did exercise merges and repeated orders, the paths that fall back to recomputation.
      const [shape] = await rows<{ merged: number; repeated: number }>(
        db,
        sql`select (select count(*)::int from customers where workspace_id = ${ws} and merged_into is not null) as merged,
                   (select count(*)::int from (select properties->>'order_id' from events
                      where workspace_id = ${ws} and name = 'Order Completed' group by customer_id, 1
                      having count(*) > 1) r) as repeated`,
      );
      expect(shape!.merged).toBeGreaterThan(0);
      expect(shape!.repeated).toBeGreaterThan(0);
    });
  }
});
