import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { customerIdentities, customers, events, tickets, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { customerTickets } from "./customer-tickets";
import { findCustomerProfile } from "./profile";
import { customerTimeline } from "./timeline";

describeEachDatabase("customer profile", ({ database }) => {
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
    await db()
      .insert(customers)
      .values([
        {
          workspaceId: ws,
          id: 1,
          externalId: "user_001",
          email: "ada@example.com",
          phone: "+44 20 7946 0001",
          timeZone: "Europe/London",
          traits: { name: "Ada Lovelace", plan: "pro", vip: true, note: "<script>alert(1)</script>" },
          firstSeenAt: new Date("2026-01-01T00:00:00Z"),
          lastSeenAt: new Date("2026-03-09T10:00:00Z"),
          eventCount: 6,
          orderCount: 2,
          lifetimeRevenue: "78.00",
          lastOrderAt: new Date("2026-03-01T00:00:00Z"),
          mrr: "39.00",
          plan: "pro",
          createdAt: new Date("2026-01-01T00:00:00Z"),
        },
        // 2 was merged into 1; 3 into 2 (a chain); 4 into a profile that no longer exists; 5 and 6 into each other
        { workspaceId: ws, id: 2, externalId: "user_002", mergedInto: 1 },
        { workspaceId: ws, id: 3, mergedInto: 2 },
        { workspaceId: ws, id: 4, email: "orphan@example.com", mergedInto: 999 },
        { workspaceId: ws, id: 5, mergedInto: 6 },
        { workspaceId: ws, id: 6, mergedInto: 5 },
        { workspaceId: other, id: 10, email: "someone@other.example" },
      ]);
    await db()
      .insert(customerIdentities)
      .values([
        {
          workspaceId: ws,
          kind: "anonymous_id",
          value: "anon-1",
          customerId: 1,
          createdAt: new Date("2025-12-31T00:00:00Z"),
        },
        {
          workspaceId: ws,
          kind: "user_id",
          value: "user_001",
          customerId: 1,
          createdAt: new Date("2026-01-01T00:00:00Z"),
        },
        {
          workspaceId: ws,
          kind: "email",
          value: "ada@example.com",
          customerId: 1,
          createdAt: new Date("2026-01-01T00:00:00Z"),
        },
        { workspaceId: ws, kind: "user_id", value: "user_002", customerId: 2 },
      ]);
    // Six events: e3 and e4 at the same timestamp (ties broken by id), e5 one microsecond after them.
    await db()
      .insert(events)
      .values(
        [
          ["e1", "identify", null, "2026-01-01T00:00:00Z"],
          ["e2", "track", "Signed Up", "2026-01-01T00:00:01Z"],
          ["e3", "page", "Home", "2026-02-01T00:00:00Z"],
          ["e4", "track", "Order Completed", "2026-02-01T00:00:00Z"],
          ["e5", "track", "Order Completed", "2026-02-01T00:00:00Z"],
          ["e6", "track", "Logged In", "2026-03-09T10:00:00Z"],
        ].map(([messageId, type, name, at], i) => ({
          workspaceId: ws,
          id: i + 1,
          messageId: messageId!,
          customerId: 1,
          type: type!,
          name,
          properties: { n: i + 1 },
          timestamp: new Date(at!),
        })),
      );
    await db().execute(
      sql`update events set timestamp = '2026-02-01T00:00:00.000001Z' where workspace_id = ${ws} and id = 5`,
    );
    // Another customer's event and another workspace's event with the same customer id never show.
    await db()
      .insert(events)
      .values([
        {
          workspaceId: ws,
          id: 7,
          messageId: "x1",
          customerId: 2,
          type: "track",
          name: "Other",
          timestamp: new Date("2026-03-10T00:00:00Z"),
        },
        {
          workspaceId: other,
          id: 8,
          messageId: "x2",
          customerId: 1,
          type: "track",
          name: "Elsewhere",
          timestamp: new Date("2026-03-10T00:00:00Z"),
        },
      ]);
    await db()
      .insert(tickets)
      .values([
        {
          workspaceId: ws,
          id: 1,
          externalId: "T-1",
          customerId: 1,
          channel: "email",
          category: "billing",
          status: "solved",
          subject: "Charged twice",
          createdAt: new Date("2026-02-02T09:00:00Z"),
          firstAgentReplyAt: new Date("2026-02-02T11:00:00Z"),
        },
        {
          workspaceId: ws,
          id: 2,
          externalId: "T-2",
          customerId: 1,
          channel: "chat",
          category: "shipping",
          status: "open",
          subject: "Where is my box?",
          createdAt: new Date("2026-03-05T09:00:00Z"),
        },
        {
          workspaceId: ws,
          id: 3,
          externalId: "T-3",
          customerId: 2,
          channel: "web",
          status: "new",
          createdAt: new Date("2026-03-06T09:00:00Z"),
        },
        {
          workspaceId: other,
          id: 4,
          externalId: "T-4",
          customerId: 1,
          channel: "web",
          status: "new",
          createdAt: new Date("2026-03-06T09:00:00Z"),
        },
      ]);
  });

  describe("lookup", () => {
    it("returns the stored facts, traits as stored and identities oldest first", async () => {
      const found = await findCustomerProfile(db(), ws, 1);
      expect(found).toEqual({
        status: "found",
        profile: {
          id: 1,
          externalId: "user_001",
          email: "ada@example.com",
          phone: "+44 20 7946 0001",
          name: "Ada Lovelace",
          timeZone: "Europe/London",
          traits: { name: "Ada Lovelace", plan: "pro", vip: true, note: "<script>alert(1)</script>" },
          firstSeenAt: new Date("2026-01-01T00:00:00Z"),
          lastSeenAt: new Date("2026-03-09T10:00:00Z"),
          eventCount: 6,
          orderCount: 2,
          lifetimeRevenue: 78,
          lastOrderAt: new Date("2026-03-01T00:00:00Z"),
          mrr: 39,
          plan: "pro",
          createdAt: new Date("2026-01-01T00:00:00Z"),
          mergedInto: null,
          identities: [
            { kind: "anonymous_id", value: "anon-1", since: new Date("2025-12-31T00:00:00Z") },
            { kind: "email", value: "ada@example.com", since: new Date("2026-01-01T00:00:00Z") },
            { kind: "user_id", value: "user_001", since: new Date("2026-01-01T00:00:00Z") },
          ],
        },
      });
    });

    it("sends a merged profile to the one it was merged into, following chains", async () => {
      expect(await findCustomerProfile(db(), ws, 2)).toEqual({ status: "merged", intoId: 1 });
      expect(await findCustomerProfile(db(), ws, 3)).toEqual({ status: "merged", intoId: 1 });
    });

    it("shows a merged profile itself when its merge target is gone or the chain loops", async () => {
      const orphan = await findCustomerProfile(db(), ws, 4);
      expect(orphan).toMatchObject({ status: "found", profile: { id: 4, mergedInto: 999 } });
      expect(await findCustomerProfile(db(), ws, 5)).toMatchObject({ status: "found", profile: { id: 5 } });
    });

    it("does not find unknown ids or another workspace's customers", async () => {
      expect(await findCustomerProfile(db(), ws, 12345)).toEqual({ status: "missing" });
      expect(await findCustomerProfile(db(), ws, 10)).toEqual({ status: "missing" });
      expect(await findCustomerProfile(db(), other, 1)).toEqual({ status: "missing" });
    });
  });

  describe("timeline", () => {
    const ids = (page: { events: { id: number }[] }) => page.events.map((e) => e.id);

    it("lists the customer's events newest first, ties by id", async () => {
      const page = await customerTimeline(db(), ws, 1, { limit: 10 });
      expect(ids(page)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(page.events[0]).toEqual({
        id: 6,
        type: "track",
        name: "Logged In",
        timestamp: new Date("2026-03-09T10:00:00Z"),
        properties: { n: 6 },
      });
      expect(page.older).toBeNull();
      expect(page.newer).toBeNull();
    });

    it("pages to older events and back without gaps or duplicates", async () => {
      const first = await customerTimeline(db(), ws, 1, { limit: 2 });
      expect(ids(first)).toEqual([6, 5]);
      expect(first.newer).toBeNull();
      // the cursor keeps e5's microsecond, so e4 (same second) is not skipped
      expect(first.older).toEqual({ value: "2026-02-01T00:00:00.000001Z", id: 5 });
      const second = await customerTimeline(db(), ws, 1, { limit: 2, after: first.older! });
      expect(ids(second)).toEqual([4, 3]);
      const third = await customerTimeline(db(), ws, 1, { limit: 2, after: second.older! });
      expect(ids(third)).toEqual([2, 1]);
      expect(third.older).toBeNull();

      const back = await customerTimeline(db(), ws, 1, { limit: 2, before: third.newer! });
      expect(ids(back)).toEqual([4, 3]);
      const start = await customerTimeline(db(), ws, 1, { limit: 2, before: back.newer! });
      expect(ids(start)).toEqual([6, 5]);
      expect(start.newer).toBeNull();
    });

    it("is empty for a customer without events", async () => {
      expect(await customerTimeline(db(), ws, 4, { limit: 10 })).toEqual({ events: [], older: null, newer: null });
    });
  });

  describe("tickets", () => {
    it("lists the customer's tickets newest first with the total", async () => {
      const { tickets: found, total } = await customerTickets(db(), ws, 1);
      expect(total).toBe(2);
      expect(found).toEqual([
        {
          id: 2,
          externalId: "T-2",
          subject: "Where is my box?",
          category: "shipping",
          channel: "chat",
          priority: null,
          status: "open",
          createdAt: new Date("2026-03-05T09:00:00Z"),
          firstAgentReplyAt: null,
        },
        expect.objectContaining({ id: 1, firstAgentReplyAt: new Date("2026-02-02T11:00:00Z") }),
      ]);
      expect(await customerTickets(db(), ws, 1, 1)).toMatchObject({ total: 2, tickets: [{ id: 2 }] });
      expect(await customerTickets(db(), ws, 4)).toEqual({ tickets: [], total: 0 });
    });
  });
});
