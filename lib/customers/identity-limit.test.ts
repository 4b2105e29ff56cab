import { and, asc, eq, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { customerIdentities, customers, dataQualityIssues, events, workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { describeEachDatabase } from "@/test/db";

/**
 * The per-identifier limit, table-driven: each case sends batches (one inner array per batch) to a workspace
 * with the given limit and lists, by hand, the profiles that remain (their user ids) and the merge_limit
 * issues logged. Users are u*, anonymous ids a*.
 */
type Msg = { u?: string; a?: string; alias?: string };
type Case = { name: string; limit: number; batches: Msg[][]; profiles: string[][]; limitIssues: number };

const CASES: Case[] = [
  {
    name: "limit 1: a second user on a device never merges",
    limit: 1,
    batches: [[{ u: "u1", a: "a1" }], [{ u: "u2", a: "a1" }]],
    profiles: [["u1"], ["u2"]],
    limitIssues: 1,
  },
  {
    name: "limit 2: a second user seen with the first user's anonymous id joins that profile",
    limit: 2,
    batches: [[{ u: "u1", a: "a1" }], [{ u: "u2", a: "a1" }]],
    profiles: [["u1", "u2"]],
    limitIssues: 0,
  },
  {
    name: "limit 2: two known users linked by an anonymous id merge into one profile",
    limit: 2,
    batches: [[{ u: "u1", a: "a1" }, { u: "u2" }], [{ u: "u2", a: "a1" }]],
    profiles: [["u1", "u2"]],
    limitIssues: 0,
  },
  {
    name: "limit 2: a third user is refused and logged",
    limit: 2,
    batches: [[{ u: "u1", a: "a1" }], [{ u: "u2", a: "a1" }], [{ u: "u3", a: "a1" }]],
    profiles: [["u1", "u2"], ["u3"]],
    limitIssues: 1,
  },
  {
    name: "limit 2: all within one batch gives the same answer as across batches",
    limit: 2,
    batches: [
      [
        { u: "u1", a: "a1" },
        { u: "u2", a: "a1" },
        { u: "u3", a: "a1" },
      ],
    ],
    profiles: [["u1", "u2"], ["u3"]],
    limitIssues: 1,
  },
  {
    name: "limit 2: two users who each already merged with someone do not merge (3 would exceed 2)",
    limit: 2,
    batches: [
      [
        { u: "u1", a: "a1" },
        { u: "u2", a: "a1" },
        { u: "u3", a: "a2" },
      ],
      [{ u: "u3", a: "a1" }],
    ],
    profiles: [["u1", "u2"], ["u3"]],
    limitIssues: 1,
  },
  {
    name: "limit 2: an anonymous-only profile is still claimed, and does not count as a user",
    limit: 2,
    batches: [[{ a: "a1" }], [{ u: "u1", a: "a1" }], [{ u: "u2", a: "a1" }]],
    profiles: [["u1", "u2"]],
    limitIssues: 0,
  },
];

describeEachDatabase("per-identifier limit (maxUsersPerAnonymousId)", ({ database }) => {
  for (const c of CASES) {
    it(c.name, async () => {
      const db = database().db;
      const [w] = await db
        .insert(workspaces)
        .values({ name: c.name, settings: { maxUsersPerAnonymousId: c.limit } })
        .returning();
      const ws = w!.id;
      let n = 0;
      for (const batch of c.batches) {
        const items = batch.map((m) => ({
          raw: { type: "track", event: "Seen", userId: m.u, anonymousId: m.a, messageId: `m${++n}` },
        }));
        await ingestBatch(db, { workspaceId: ws, sourceId: null }, items);
      }
      const live = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.workspaceId, ws), isNull(customers.mergedInto)))
        .orderBy(asc(customers.id));
      const users = await db
        .select({ c: customerIdentities.customerId, v: customerIdentities.value })
        .from(customerIdentities)
        .where(and(eq(customerIdentities.workspaceId, ws), eq(customerIdentities.kind, "user_id")))
        .orderBy(asc(customerIdentities.value));
      const profiles = live
        .map((p) => users.filter((u) => u.c === p.id).map((u) => u.v))
        .filter((ids) => ids.length > 0)
        .sort((x, y) => x[0]!.localeCompare(y[0]!));
      expect(profiles).toEqual(c.profiles);
      const issues = await db
        .select({ kind: dataQualityIssues.kind })
        .from(dataQualityIssues)
        .where(and(eq(dataQualityIssues.workspaceId, ws), eq(dataQualityIssues.kind, "merge_limit")));
      expect(issues).toHaveLength(c.limitIssues);
      // Every event sits on a live profile, and the profile facts count them.
      const stored = await db.select({ c: events.customerId }).from(events).where(eq(events.workspaceId, ws));
      expect(stored).toHaveLength(n);
      for (const e of stored) expect(live.map((p) => p.id)).toContain(e.c);
    });
  }
});
