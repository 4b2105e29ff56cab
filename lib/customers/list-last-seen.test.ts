import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { customers, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import type { Direction } from "./keyset";
import { type CustomerListQuery, listCustomers } from "./list";
import type { CustomerFilters } from "./list-filters";

/**
 * The last-seen index holds the hour, not the time (migration 0018), so the list orders by hour and then
 * sorts within it. Here ids run against time inside an hour, and times sit on both sides of hour edges and of
 * the filters' cutoffs, so ordering or filtering by the hour alone, or by hour and id, would show.
 */
const now = new Date("2026-03-10T10:30:00Z");
const SEEN: Record<number, string> = {
  1: "2026-03-09T10:59:59.999999Z", // hour 10, latest in it
  2: "2026-03-09T10:30:00Z",
  3: "2026-03-09T10:00:00Z", // hour 10, earliest in it
  4: "2026-03-09T11:00:00Z", // the next hour
  5: "2026-03-09T09:59:59.999999Z", // the hour before
  6: "2026-02-08T10:29:59.999999Z", // just before now − 30 days (2026-02-08 10:30)
  7: "2026-02-08T10:30:00Z", // exactly now − 30 days
};
const LAST_SEEN_DESC = [4, 1, 2, 3, 5, 7, 6, 8];

describeEachDatabase("customer list by last seen, indexed by the hour", ({ database }) => {
  let ws = "";

  beforeAll(async () => {
    const db = database().db;
    const [w] = await db.insert(workspaces).values({ name: "Hours" }).returning();
    ws = w!.id;
    const seen = Object.entries(SEEN).map(([id, at]) => ({
      workspaceId: ws,
      id: Number(id),
      lastSeenAt: new Date(at),
    }));
    await db.insert(customers).values([...seen, { workspaceId: ws, id: 8 }]);
    // A JS Date keeps milliseconds only: set the microsecond times exactly.
    for (const [id, at] of Object.entries(SEEN)) {
      await db.execute(
        sql`update customers set last_seen_at = ${at}::timestamptz where workspace_id = ${ws} and id = ${Number(id)}`,
      );
    }
  });

  const query = (overrides: Partial<CustomerListQuery>, filters: Partial<CustomerFilters> = {}): CustomerListQuery => ({
    filters: { search: [], ...filters },
    sort: "last_seen",
    direction: "desc",
    limit: 50,
    now,
    ...overrides,
  });

  async function walk(direction: Direction, limit: number, filters: Partial<CustomerFilters> = {}) {
    const pages: number[][] = [];
    let page = await listCustomers(database().db, ws, query({ direction, limit }, filters));
    pages.push(page.items.map((c) => c.id));
    while (page.next && pages.length <= 10) {
      page = await listCustomers(database().db, ws, query({ direction, limit, after: page.next }, filters));
      pages.push(page.items.map((c) => c.id));
    }
    const back: number[][] = [pages[pages.length - 1]!];
    while (page.previous && back.length <= 10) {
      page = await listCustomers(database().db, ws, query({ direction, limit, before: page.previous }, filters));
      back.unshift(page.items.map((c) => c.id));
    }
    expect(back).toEqual(pages);
    return pages.flat();
  }

  it("orders by the exact time within an hour and across hours, never seen last, at any page size", async () => {
    for (const limit of [1, 2, 3, 50]) {
      expect(await walk("desc", limit)).toEqual(LAST_SEEN_DESC);
      expect(await walk("asc", limit)).toEqual([...LAST_SEEN_DESC.slice(0, -1)].reverse().concat(8));
    }
  });

  it("filters by the exact cutoff, not its hour", async () => {
    expect(await walk("desc", 2, { seenWithinDays: 30 })).toEqual([4, 1, 2, 3, 5, 7]);
    expect(await walk("desc", 2, { notSeenForDays: 30 })).toEqual([6, 8]);
    // now − 1 day = 2026-03-09 10:30: customer 2 is seen exactly then, 3 earlier in the same hour
    expect(await walk("asc", 1, { seenWithinDays: 1 })).toEqual([2, 1, 4]);
    expect(await walk("desc", 1, { notSeenForDays: 1 })).toEqual([3, 5, 7, 6, 8]);
  });
});
