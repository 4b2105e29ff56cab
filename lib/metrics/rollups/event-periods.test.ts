import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "@/lib/db/rows";
import { describeEachDatabase } from "@/test/db";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { backfillPeriodRollups } from "./rebuild";

// Europe/Berlin: Sunday 2026-01-11 23:30 UTC is Monday 00:30 local, so that event is in the week of Jan 12 and
// the month of January; 2026-01-31 23:30 UTC is February 1st local, the week of Jan 26 but the month of February.
const EVENTS = [
  { customer: 1, at: "2026-01-06T10:00:00Z", name: "Order Completed" },
  { customer: 1, at: "2026-01-11T23:30:00Z", name: "Order Completed" },
  { customer: 1, at: "2026-01-31T23:30:00Z", name: "Order Completed" },
  { customer: 1, at: "2026-01-07T10:00:00Z", name: "Home", type: "page" as const },
  { customer: 1, at: "2026-01-08T10:00:00Z", type: "identify" as const },
  // Customer 3 was merged into customer 1: none of their rows may count (the fixture leaves their events on them).
  { customer: 3, at: "2026-01-20T10:00:00Z", name: "Order Completed" },
  { customer: 2, at: "2026-02-03T10:00:00Z", name: "Signed Up" },
];

describeEachDatabase("customer_event_periods", ({ database }) => {
  it("holds each live customer's sorted local weeks and months per named event, and is backfilled when missing", async () => {
    const db = database().db;
    const workspaceId = await buildMetricFixture(db, {
      timeZone: "Europe/Berlin",
      customers: [{ id: 1 }, { id: 2 }, { id: 3, mergedInto: 1 }],
      events: EVENTS,
    });
    const read = () =>
      rows<{ name: string; period: string; customer_id: number | string; first_start: string; starts: string }>(
        db,
        sql`select name, period, customer_id, first_start::text, starts::text from customer_event_periods
            where workspace_id = ${workspaceId} order by name, period, customer_id`,
      );
    const expected = [
      { name: "Home", period: "month", customer_id: 1, first_start: "2026-01-01", starts: "{2026-01-01}" },
      { name: "Home", period: "week", customer_id: 1, first_start: "2026-01-05", starts: "{2026-01-05}" },
      {
        name: "Order Completed",
        period: "month",
        customer_id: 1,
        first_start: "2026-01-01",
        starts: "{2026-01-01,2026-02-01}",
      },
      {
        name: "Order Completed",
        period: "week",
        customer_id: 1,
        first_start: "2026-01-05",
        starts: "{2026-01-05,2026-01-12,2026-01-26}",
      },
      { name: "Signed Up", period: "month", customer_id: 2, first_start: "2026-02-01", starts: "{2026-02-01}" },
      { name: "Signed Up", period: "week", customer_id: 2, first_start: "2026-02-02", starts: "{2026-02-02}" },
    ];
    const normalize = (list: Awaited<ReturnType<typeof read>>) =>
      list.map((r) => ({ ...r, customer_id: Number(r.customer_id) }));
    expect(normalize(await read())).toEqual(expected);

    // A database from before the table: server start fills it once.
    await db.execute(sql`delete from customer_event_periods where workspace_id = ${workspaceId}`);
    expect(await backfillPeriodRollups(db)).toBeGreaterThanOrEqual(1);
    expect(normalize(await read())).toEqual(expected);
    expect(await backfillPeriodRollups(db)).toBe(0);
  });
});
