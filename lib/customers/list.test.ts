import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { customerIdentities, customers, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import type { Direction } from "./keyset";
import { type CustomerListQuery, listCustomers } from "./list";
import { countCustomers, workspaceHasCustomers } from "./list-count";
import type { CustomerFilters } from "./list-filters";
import { SORT_KEYS, type SortKey } from "./list-sort";
import { listPlans } from "./plans";
import { parseSearch } from "./search-terms";

const now = new Date("2026-03-10T12:00:00Z");

type Customer = typeof customers.$inferInsert;

/**
 * Eight hand-built customers (ids 1–8) with ties on every sort column, two never seen, one merged, and
 * last-seen times one microsecond apart (3 vs 1 and 2), so a cursor that lost precision would show.
 */
function handBuilt(workspaceId: string): Customer[] {
  const c = (id: number, fields: Partial<Customer>): Customer => ({ workspaceId, id, ...fields });
  return [
    c(1, {
      externalId: "user_001",
      email: "ada@example.com",
      phone: "+44 20 7946 0001",
      traits: { name: "Ada Lovelace", country: "GB", plan: "pro" },
      plan: "pro",
      firstSeenAt: new Date("2026-01-01T00:00:00Z"),
      lastSeenAt: new Date("2026-03-09T10:00:00Z"),
      eventCount: 10,
      orderCount: 2,
      lifetimeRevenue: "50.00",
    }),
    c(2, {
      externalId: "user_002",
      email: "bob@example.com",
      traits: { name: "Bob Stone", country: "US" },
      plan: "basic",
      firstSeenAt: new Date("2026-01-02T00:00:00Z"),
      lastSeenAt: new Date("2026-03-09T10:00:00Z"),
      eventCount: 5,
    }),
    c(3, {
      externalId: "user_003",
      email: "carol@example.org",
      phone: "(555) 010-2030",
      traits: { name: "Carol Ada", country: "us" },
      plan: "pro",
      firstSeenAt: new Date("2026-01-03T00:00:00Z"),
      eventCount: 5,
      orderCount: 1,
      lifetimeRevenue: "50.00",
    }),
    c(4, { externalId: "user_004", traits: { name: "Dan Never" } }),
    c(5, { externalId: null, traits: {} }),
    c(6, {
      externalId: "user_006",
      email: "eve@example.com",
      traits: { name: "Eve Adams", smart_brewer: true },
      plan: "family",
      firstSeenAt: new Date("2025-12-01T00:00:00Z"),
      lastSeenAt: new Date("2025-12-15T00:00:00Z"),
      eventCount: 3,
      orderCount: 3,
      lifetimeRevenue: "120.50",
    }),
    // Merged into 1: never listed, although it would match "ada" and sort first by last seen.
    c(7, {
      externalId: "user_007",
      email: "ada.old@example.com",
      lastSeenAt: new Date("2026-03-10T00:00:00Z"),
      eventCount: 100,
      mergedInto: 1,
    }),
    c(8, {
      externalId: "userX008",
      email: "frank@example.com",
      traits: { name: "Frank 100%_off" },
      firstSeenAt: new Date("2026-02-20T00:00:00Z"),
      lastSeenAt: new Date("2026-02-20T00:00:00Z"),
      eventCount: 1,
    }),
  ];
}

/** The whole list in order, by hand, for each sort (ties by id in the same direction, never seen last). */
const EXPECTED: Record<SortKey, Record<Direction, number[]>> = {
  last_seen: { desc: [3, 2, 1, 8, 6, 5, 4], asc: [6, 8, 1, 2, 3, 4, 5] },
  first_seen: { desc: [8, 3, 2, 1, 6, 5, 4], asc: [6, 1, 2, 3, 8, 4, 5] },
  revenue: { desc: [6, 3, 1, 8, 5, 4, 2], asc: [2, 4, 5, 8, 1, 3, 6] },
  orders: { desc: [6, 1, 3, 8, 5, 4, 2], asc: [2, 4, 5, 8, 3, 1, 6] },
  events: { desc: [1, 3, 2, 6, 8, 5, 4], asc: [4, 5, 8, 6, 2, 3, 1] },
};

describeEachDatabase("customer list", ({ database }) => {
  let ws = "";
  let other = "";
  const db = (): Db => database().db;

  beforeAll(async () => {
    const [a, b] = await db()
      .insert(workspaces)
      .values([{ name: "Shop" }, { name: "Other shop" }])
      .returning();
    ws = a!.id;
    other = b!.id;
    await db().insert(customers).values(handBuilt(ws));
    // customer 3's last visit is one microsecond after 1 and 2 (a JS Date cannot even hold it)
    await db().execute(
      sql`update customers set last_seen_at = '2026-03-09T10:00:00.000001Z' where workspace_id = ${ws} and id = 3`,
    );
    await db()
      .insert(customerIdentities)
      .values([
        { workspaceId: ws, kind: "anonymous_id", value: "anon-5", customerId: 5 },
        { workspaceId: ws, kind: "user_id", value: "user_001", customerId: 1 },
      ]);
    // Another workspace with a lookalike: never visible from the first one.
    await db()
      .insert(customers)
      .values({
        workspaceId: other,
        id: 101,
        externalId: "user_001",
        email: "ada@other.example",
        traits: { name: "Ada Other", country: "GB" },
        plan: "pro",
        lastSeenAt: new Date("2026-03-10T00:00:00Z"),
        orderCount: 9,
      });
  });

  function query(overrides: Partial<CustomerListQuery> = {}, filters: Partial<CustomerFilters> = {}) {
    return {
      filters: { search: [], ...filters },
      sort: "last_seen" as SortKey,
      direction: "desc" as Direction,
      limit: 50,
      now,
      ...overrides,
    };
  }

  async function ids(filters: Partial<CustomerFilters>, overrides: Partial<CustomerListQuery> = {}) {
    const page = await listCustomers(db(), ws, query(overrides, filters));
    return page.items.map((c) => c.id);
  }

  const search = (text: string) => ids({ search: parseSearch(text) });

  describe("sorting", () => {
    for (const sort of SORT_KEYS) {
      for (const direction of ["desc", "asc"] as const) {
        it(`orders by ${sort} ${direction}, ties by id, never seen last`, async () => {
          expect(await ids({}, { sort, direction })).toEqual(EXPECTED[sort][direction]);
        });
      }
    }
  });

  describe("keyset pagination", () => {
    for (const sort of SORT_KEYS) {
      for (const direction of ["desc", "asc"] as const) {
        it(`pages through ${sort} ${direction} forward and back without gaps or duplicates`, async () => {
          const expected = EXPECTED[sort][direction];
          for (const limit of [1, 2, 3]) {
            const forward: number[][] = [];
            let page = await listCustomers(db(), ws, query({ sort, direction, limit }));
            expect(page.previous).toBeNull();
            forward.push(page.items.map((c) => c.id));
            // bounded, so a cursor that repeats a page fails the test instead of looping forever
            while (page.next && forward.length <= expected.length) {
              page = await listCustomers(db(), ws, query({ sort, direction, limit, after: page.next }));
              expect(page.previous).not.toBeNull();
              forward.push(page.items.map((c) => c.id));
            }
            expect(forward.flat()).toEqual(expected);
            expect(forward.slice(0, -1).every((p) => p.length === limit)).toBe(true);

            // Back from the last page: the same pages in reverse, ending on the real first page.
            const backward: number[][] = [forward[forward.length - 1]!];
            while (page.previous && backward.length <= expected.length) {
              page = await listCustomers(db(), ws, query({ sort, direction, limit, before: page.previous }));
              backward.unshift(page.items.map((c) => c.id));
              expect(page.next).not.toBeNull();
            }
            expect(backward).toEqual(forward);
          }
        });
      }
    }

    it("pages a filtered list with the same cursors", async () => {
      const first = await listCustomers(db(), ws, query({ limit: 2, sort: "revenue" }, { orders: "without" }));
      expect(first.items.map((c) => c.id)).toEqual([8, 5]);
      const second = await listCustomers(
        db(),
        ws,
        query({ limit: 2, sort: "revenue", after: first.next! }, { orders: "without" }),
      );
      expect(second.items.map((c) => c.id)).toEqual([4, 2]);
      expect(second.next).toBeNull();
    });

    it("keeps microseconds in the cursor: the page after customer 3 starts with 2", async () => {
      const first = await listCustomers(db(), ws, query({ limit: 1 }));
      expect(first.items.map((c) => c.id)).toEqual([3]);
      expect(first.next).toEqual({ value: "2026-03-09T10:00:00.000001Z", id: 3 });
      const second = await listCustomers(db(), ws, query({ limit: 1, after: first.next! }));
      expect(second.items.map((c) => c.id)).toEqual([2]);
    });
  });

  describe("search", () => {
    it("matches the start of an email or external id and the start of any word of the name", async () => {
      // ada@ (1), "Carol Ada" (3), "Eve Adams" (6); ada.old@ (7) is merged away
      expect(await search("ada")).toEqual([3, 1, 6]);
      expect(await search("LOVELACE")).toEqual([1]);
      expect(await search("user_00")).toEqual([3, 2, 1, 6, 4]);
      expect(await search('"carol ada"')).toEqual([3]);
      expect(await search("xyz")).toEqual([]);
    });

    it("treats % and _ literally", async () => {
      // unescaped, "user_" would match userX008 and "%" would match everyone
      expect(await search("user_")).toEqual([3, 2, 1, 6, 4]);
      expect(await search("%")).toEqual([]);
      expect(await search("100%_")).toEqual([8]);
    });

    it("matches phone digits whatever the formatting", async () => {
      expect(await search("555-010")).toEqual([3]);
      expect(await search("+44 20 79")).toEqual([1]);
      expect(await search("phone:5550102030")).toEqual([3]);
    });

    it("finds the owner of an identity by its exact value", async () => {
      expect(await search("anon-5")).toEqual([5]);
      expect(await search("anon")).toEqual([]);
    });

    it("limits email: and id: to one field", async () => {
      expect(await search("email:carol")).toEqual([3]);
      expect(await search("id:user_006")).toEqual([6]);
      expect(await search("email:user")).toEqual([]);
    });

    it("matches key:value against a trait, ignoring case, and ANDs the words", async () => {
      expect(await search("country:us")).toEqual([3, 2]);
      expect(await search("smart_brewer:true")).toEqual([6]);
      expect(await search('name:"carol ada"')).toEqual([3]);
      expect(await search("ada country:us")).toEqual([3]);
      expect(await search("Country:GB")).toEqual([]); // trait keys are matched as sent
    });
  });

  describe("filters", () => {
    it("filters by current plan", async () => {
      expect(await ids({ plan: "pro" })).toEqual([3, 1]);
      expect(await ids({ plan: "none-such" })).toEqual([]);
    });

    it("filters customers with and without orders", async () => {
      expect(await ids({ orders: "with" })).toEqual([3, 1, 6]);
      expect(await ids({ orders: "without" })).toEqual([2, 8, 5, 4]);
    });

    it("filters by last seen within N days, and not seen for N days (never seen included)", async () => {
      // now − 30 days = 2026-02-08 12:00 UTC
      expect(await ids({ seenWithinDays: 30 })).toEqual([3, 2, 1, 8]);
      expect(await ids({ notSeenForDays: 30 })).toEqual([6, 5, 4]);
      // seen 18–30 days ago: only customer 8 (2026-02-20)
      expect(await ids({ seenWithinDays: 30, notSeenForDays: 18 })).toEqual([8]);
    });

    it("filters by a trait value", async () => {
      expect(await ids({ trait: { key: "country", value: "gb" } })).toEqual([1]);
      expect(await ids({ trait: { key: "plan", value: "pro" } })).toEqual([1]);
    });

    it("counts what the filters match, merged profiles excluded", async () => {
      expect(await countCustomers(db(), ws, { search: [] }, now)).toBe(7);
      expect(await countCustomers(db(), ws, { search: parseSearch("ada") }, now)).toBe(3);
      expect(await countCustomers(db(), ws, { search: [], orders: "with", plan: "pro" }, now)).toBe(2);
    });
  });

  describe("workspace isolation", () => {
    it("never lists, counts or offers plans of another workspace", async () => {
      expect(await search("ada@")).toEqual([1]);
      expect((await listCustomers(db(), other, query())).items.map((c) => c.id)).toEqual([101]);
      expect(await countCustomers(db(), other, { search: parseSearch("ada") }, now)).toBe(1);
      expect(await listPlans(db(), ws)).toEqual(["basic", "family", "pro"]);
    });

    it("tells an empty workspace from one whose filters match nothing", async () => {
      const [empty] = await db().insert(workspaces).values({ name: "Empty" }).returning();
      expect(await workspaceHasCustomers(db(), empty!.id)).toBe(false);
      expect(await workspaceHasCustomers(db(), ws)).toBe(true);
      expect((await listCustomers(db(), empty!.id, query())).items).toEqual([]);
    });
  });

  it("returns the row's facts", async () => {
    const page = await listCustomers(db(), ws, query({ limit: 1, sort: "revenue" }));
    expect(page.items[0]).toEqual({
      id: 6,
      externalId: "user_006",
      email: "eve@example.com",
      phone: null,
      name: "Eve Adams",
      plan: "family",
      firstSeenAt: new Date("2025-12-01T00:00:00Z"),
      lastSeenAt: new Date("2025-12-15T00:00:00Z"),
      eventCount: 3,
      orderCount: 3,
      lifetimeRevenue: 120.5,
    });
  });
});
