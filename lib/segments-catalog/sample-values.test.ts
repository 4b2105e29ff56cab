import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { customers, events, tickets, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { samplePropertyValues, sampleTicketCategories, sampleTraitValues } from "./sample-values";

const NOW = Date.parse("2026-03-18T12:00:00Z");
const minutesAgo = (n: number) => new Date(NOW - n * 60_000);

async function createWorkspace(db: Db, name: string) {
  const [row] = await db.insert(workspaces).values({ name }).returning({ id: workspaces.id });
  if (!row) throw new Error("no workspace");
  return row.id;
}

describeEachDatabase("segment builder sample values", ({ database }) => {
  let ws = "";
  let other = "";

  beforeAll(async () => {
    const db = database().db;
    ws = await createWorkspace(db, "Values");
    other = await createWorkspace(db, "Elsewhere");
    const traits: Record<string, unknown>[] = [
      { plan: "pro", vip: true, age: 30 },
      { plan: "pro", vip: false, age: 30 },
      { plan: "team", vip: true, age: 41 },
      { plan: "  ", address: { city: "Oslo" } },
      { plan: { nested: "x" } },
      {},
    ];
    await db
      .insert(customers)
      .values(
        traits.map((t, i) => ({ workspaceId: ws, externalId: `u${i}`, traits: t, createdAt: minutesAgo(100 - i) })),
      );
    await db
      .insert(customers)
      .values([{ workspaceId: other, externalId: "x", traits: { plan: "secret" }, createdAt: minutesAgo(1) }]);
    let n = 0;
    const event = (workspaceId: string, name: string, type: string, properties: Record<string, unknown>) => ({
      workspaceId,
      messageId: `m${++n}`,
      customerId: 1,
      type,
      name,
      properties,
      timestamp: minutesAgo(n),
    });
    await db.insert(events).values([
      event(ws, "Order Completed", "track", { coupon: "SPRING", revenue: 20 }),
      event(ws, "Order Completed", "track", { coupon: "SPRING", revenue: 35 }),
      event(ws, "Order Completed", "track", { coupon: "WELCOME", revenue: 20 }),
      event(ws, "Order Completed", "track", { coupon: null, revenue: "n/a" }),
      // Same name, but a page view: its properties are not the track event's.
      event(ws, "Order Completed", "page", { coupon: "PAGE" }),
      event(ws, "Signed Up", "track", { coupon: "OTHER-EVENT" }),
      event(other, "Order Completed", "track", { coupon: "SECRET" }),
    ]);
    let t = 0;
    const ticket = (workspaceId: string, category: string | null) => ({
      workspaceId,
      externalId: `t${++t}`,
      channel: "email",
      status: "open",
      category,
      createdAt: minutesAgo(t),
    });
    await db
      .insert(tickets)
      .values([
        ticket(ws, "Billing"),
        ticket(ws, "billing"),
        ticket(ws, " Billing "),
        ticket(ws, "Login"),
        ticket(ws, null),
        ticket(ws, ""),
        ticket(other, "Secret"),
      ]);
  });

  it("offers a trait's scalar values, most frequent first, without blanks, objects or other workspaces", async () => {
    const db = database().db;
    // plan: "pro" ×2, "team" ×1; "  " is blank and { nested } is an object, so neither is offered.
    expect(await sampleTraitValues(db, ws, "plan")).toEqual([
      { value: "pro", count: 2 },
      { value: "team", count: 1 },
    ]);
    // Booleans and numbers are offered as their text: vip true ×2, false ×1; age 30 ×2, 41 ×1.
    expect(await sampleTraitValues(db, ws, "vip")).toEqual([
      { value: "true", count: 2 },
      { value: "false", count: 1 },
    ]);
    expect(await sampleTraitValues(db, ws, "age")).toEqual([
      { value: "30", count: 2 },
      { value: "41", count: 1 },
    ]);
    expect(await sampleTraitValues(db, ws, "address")).toEqual([]);
    expect(await sampleTraitValues(db, ws, "missing")).toEqual([]);
  });

  it("offers an event property's values from that event's track calls only", async () => {
    const db = database().db;
    // coupon on track "Order Completed": SPRING ×2, WELCOME ×1; null is not a value; PAGE is a page call.
    expect(await samplePropertyValues(db, ws, "Order Completed", "coupon")).toEqual([
      { value: "SPRING", count: 2 },
      { value: "WELCOME", count: 1 },
    ]);
    // revenue: 20 ×2, 35 ×1, "n/a" ×1 (text is offered as it is; ties by value: "35" < "n/a").
    expect(await samplePropertyValues(db, ws, "Order Completed", "revenue")).toEqual([
      { value: "20", count: 2 },
      { value: "35", count: 1 },
      { value: "n/a", count: 1 },
    ]);
  });

  it("folds ticket categories that differ only in case or spaces into one entry", async () => {
    // "Billing", "billing", " Billing " are one category of 3 tickets, shown as "Billing" (2 of the 3 spellings
    // trim to it); "Login" 1; null and "" are not categories; "Secret" is another workspace's.
    expect(await sampleTicketCategories(database().db, ws)).toEqual([
      { value: "Billing", count: 3 },
      { value: "Login", count: 1 },
    ]);
  });
});
