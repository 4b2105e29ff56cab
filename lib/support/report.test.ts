import { beforeAll, expect, it } from "vitest";
import { loadMetricContext, type MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { openBacklog } from "./backlog";
import { chargeTiming } from "./charge-timing";
import { addTickets } from "./fixture";
import { helpCenterGaps } from "./help-center";
import { DEFAULT_SUPPORT_HOURS } from "./hours";
import { computeSupportReport } from "./report";
import { ticketFacts } from "./ticket-facts";
import { calendarClock, ticketStats } from "./ticket-stats";

const H = 3600;
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const LATER = new Date("2026-06-01T00:00:00Z");
const CHARGES = ["Subscription Started", "Subscription Renewed"];

/*
 * A UTC workspace, March 2026 (Mar 1 is a Sunday). Hand-built tickets, times in hours after creation:
 *  T1 c1 billing  Mon 03-02 10:00  reply +0.5  solved +4                              rating 5
 *  T2 c1 billing  Tue 03-10 09:00  reply +2    solved +12, reopened, solved +48, closed   rating 2  (repeat of T1, 8 days)
 *  T3 c2 shipping Thu 03-05 00:00  reply +6    solved +24, reopened and open now
 *  T4 c2 shipping Fri 03-20 00:00  never answered, never solved                        (repeat of T3, 15 days)
 *  T5 c3 billing  02-20 (before the range)     solved
 *  T6 c3 billing  Sun 03-15 00:00  reply +1    solved +8                               rating 4  (repeat of T5, 23 days)
 *  T7 c1 shipping Wed 03-25 00:00  reply +0.25 solved +2                               rating 3  (c1's first shipping)
 *  T8 c3 billing  04-20 (after the range)      new
 * Messages: c1 Email Sent 03-02 20:00 (6 h after T1's solution), Email Sent 03-13 00:00 (51 h after T2's first
 * solution: too late), Message Sent 03-26 20:00 (42 h after T7's); c2 Email Sent 03-08 00:00 (exactly 48 h
 * after T3's: counts).
 */
describeEachDatabase("support report on hand-built tickets", ({ database }) => {
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    const workspaceId = await buildMetricFixture(db, {
      timeZone: "UTC",
      customers: [{ id: 1 }, { id: 2 }, { id: 3 }],
      events: [
        { customer: 1, name: "Email Sent", at: "2026-03-02T20:00:00Z" },
        { customer: 1, name: "Email Sent", at: "2026-03-13T00:00:00Z" },
        { customer: 1, name: "Message Sent", at: "2026-03-26T20:00:00Z" },
        { customer: 2, name: "Email Sent", at: "2026-03-08T00:00:00Z" },
        // Charges: c1 renewed 03-01 12:00, c3 started 03-13 00:00 (c2 never charged).
        { customer: 1, name: "Subscription Renewed", at: "2026-03-01T12:00:00Z", properties: { mrr: 30 } },
        { customer: 3, name: "Subscription Started", at: "2026-03-13T00:00:00Z", properties: { mrr: 30 } },
        // Help-center searches (query, results_count).
        {
          customer: 1,
          name: "Help Center Searched",
          at: "2026-03-02T08:00:00Z",
          properties: { query: "Wifi Setup ", results_count: 0 },
        },
        {
          customer: 2,
          name: "Help Center Searched",
          at: "2026-03-03T00:00:00Z",
          properties: { query: "wifi setup", results_count: 0 },
        },
        {
          customer: 3,
          name: "Help Center Searched",
          at: "2026-03-14T01:00:00Z",
          properties: { query: "refund", results_count: 5 },
        },
        {
          customer: 3,
          name: "Help Center Searched",
          at: "2026-03-01T00:00:00Z",
          properties: { query: "refund", results_count: 3 },
        },
        {
          customer: 1,
          name: "Help Center Searched",
          at: "2026-03-04T00:00:00Z",
          properties: { query: "  ", results_count: 0 },
        },
        { customer: 2, name: "Help Center Searched", at: "2026-03-10T00:00:00Z", properties: { query: "gift card" } },
        {
          customer: 2,
          name: "Help Center Searched",
          at: "2026-04-02T00:00:00Z",
          properties: { query: "april", results_count: 0 },
        },
      ],
    });
    context = await loadMetricContext(db, workspaceId);
    await addTickets(db, workspaceId, [
      {
        id: 1,
        customer: 1,
        category: "billing",
        created: "2026-03-02T10:00:00Z",
        reply: "2026-03-02T10:30:00Z",
        history: [
          ["open", "2026-03-02T10:30:00Z"],
          ["solved", "2026-03-02T14:00:00Z"],
        ],
        rating: 5,
      },
      {
        id: 2,
        customer: 1,
        category: "billing",
        created: "2026-03-10T09:00:00Z",
        reply: "2026-03-10T11:00:00Z",
        history: [
          ["open", "2026-03-10T11:00:00Z"],
          ["solved", "2026-03-10T21:00:00Z"],
          ["open", "2026-03-11T09:00:00Z"],
          ["pending", "2026-03-11T10:00:00Z"],
          ["open", "2026-03-11T12:00:00Z"],
          ["solved", "2026-03-12T09:00:00Z"],
          ["closed", "2026-03-15T09:00:00Z"],
        ],
        rating: 2,
      },
      {
        id: 3,
        customer: 2,
        category: "shipping",
        created: "2026-03-05T00:00:00Z",
        reply: "2026-03-05T06:00:00Z",
        history: [
          ["open", "2026-03-05T06:00:00Z"],
          ["solved", "2026-03-06T00:00:00Z"],
          ["open", "2026-03-07T00:00:00Z"],
        ],
      },
      { id: 4, customer: 2, category: "shipping", created: "2026-03-20T00:00:00Z" },
      {
        id: 5,
        customer: 3,
        category: "billing",
        created: "2026-02-20T00:00:00Z",
        reply: "2026-02-20T01:00:00Z",
        history: [["solved", "2026-02-20T02:00:00Z"]],
      },
      {
        id: 6,
        customer: 3,
        category: "billing",
        channel: "chat",
        created: "2026-03-15T00:00:00Z",
        reply: "2026-03-15T01:00:00Z",
        history: [
          ["open", "2026-03-15T01:00:00Z"],
          ["solved", "2026-03-15T08:00:00Z"],
        ],
        rating: 4,
      },
      {
        id: 7,
        customer: 1,
        category: "shipping",
        channel: "chat",
        created: "2026-03-25T00:00:00Z",
        reply: "2026-03-25T00:15:00Z",
        history: [
          ["open", "2026-03-25T00:15:00Z"],
          ["solved", "2026-03-25T02:00:00Z"],
        ],
        rating: 3,
      },
      { id: 8, customer: 3, category: "billing", created: "2026-04-20T00:00:00Z" },
    ]);
  });

  it("reads first and last solution, reopen, repeat and follow-up from the history", async () => {
    const facts = await ticketFacts(database().db, context.workspaceId, "UTC", MARCH, CHARGES);
    expect(
      facts.map((t) => [
        t.id,
        t.day,
        t.firstSolvedAt?.toISOString() ?? null,
        t.lastSolvedAt?.toISOString() ?? null,
        t.reopened,
        t.repeat,
        t.followedUp,
      ]),
    ).toEqual([
      [1, "2026-03-02", "2026-03-02T14:00:00.000Z", "2026-03-02T14:00:00.000Z", false, false, true],
      [3, "2026-03-05", "2026-03-06T00:00:00.000Z", null, true, false, true],
      // solved → closed is not a second solution: the last solution is 03-12 09:00.
      [2, "2026-03-10", "2026-03-10T21:00:00.000Z", "2026-03-12T09:00:00.000Z", true, true, false],
      [6, "2026-03-15", "2026-03-15T08:00:00.000Z", "2026-03-15T08:00:00.000Z", false, true, false],
      [4, "2026-03-20", null, null, false, true, false],
      [7, "2026-03-25", "2026-03-25T02:00:00.000Z", "2026-03-25T02:00:00.000Z", false, false, true],
    ]);
  });

  it("computes the March numbers in calendar hours", async () => {
    const facts = await ticketFacts(database().db, context.workspaceId, "UTC", MARCH, CHARGES);
    const stats = ticketStats(facts, calendarClock, LATER);
    expect(stats.tickets).toBe(6);
    // First response (h): 0.25, 0.5, 1, 2, 6 (T4 none). Median 1; p90 at 0.9 × 4 = 3.6: 2 + 0.6 × (6 − 2) = 4.4.
    expect(stats.firstResponse).toEqual({ medianSeconds: 1 * H, p90Seconds: 4.4 * H, count: 5, missing: 1 });
    // First resolution (h): 2, 4, 8, 12, 24 (T4 none). Median 8; p90: 12 + 0.6 × 12 = 19.2.
    expect(stats.firstResolution.medianSeconds).toBe(8 * H);
    expect(stats.firstResolution.p90Seconds).toBeCloseTo(19.2 * H, 6);
    expect(stats.firstResolution).toMatchObject({ count: 5, missing: 1 });
    // Full resolution (h): 2, 4, 8, 48 (T3 reopened and open, T4 never solved). Median (4 + 8) / 2 = 6;
    // p90 at 0.9 × 3 = 2.7: 8 + 0.7 × (48 − 8) = 36.
    expect(stats.fullResolution.medianSeconds).toBe(6 * H);
    expect(stats.fullResolution.p90Seconds).toBeCloseTo(36 * H, 6);
    expect(stats.fullResolution).toMatchObject({ count: 4, missing: 2 });
    // Reopen: T2 and T3 of the 5 solved (T1, T2, T3, T6, T7) = 40%.
    expect(stats.reopen).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    // CSAT: ratings 5, 2, 4, 3: two of four are 4 or 5 = 50%, average 14 / 4 = 3.5.
    expect(stats.csat).toEqual({ numerator: 2, denominator: 4, rate: 0.5, average: 3.5 });
    // Repeats: T2, T4, T6 of 6 tickets.
    expect(stats.repeat).toEqual({ numerator: 3, denominator: 6, rate: 0.5 });
    // Follow-up: T1, T3 (exactly 48 h), T7 of the 5 solved; T2's email came 51 h after its first solution.
    expect(stats.followUp).toEqual({ numerator: 3, denominator: 5, rate: 0.6, windowOpen: 0 });
  });

  it("leaves out follow-ups whose 48 hours have not passed", async () => {
    const facts = await ticketFacts(database().db, context.workspaceId, "UTC", MARCH, CHARGES);
    // At 03-26 00:00, T7 was solved 22 h ago: T1 and T3 followed up of T1, T2, T3, T6.
    const stats = ticketStats(facts, calendarClock, new Date("2026-03-26T00:00:00Z"));
    expect(stats.followUp).toEqual({ numerator: 2, denominator: 4, rate: 0.5, windowOpen: 1 });
  });

  it("reports business hours (Mon–Fri 09:00–17:00), per category, per week and the repeat list", async () => {
    const report = await computeSupportReport(
      database().db,
      context,
      { hours: DEFAULT_SUPPORT_HOURS, isDefault: true },
      { range: MARCH, granularity: "week", hours: "business" },
      LATER,
    );
    // First resolution in business hours: T1 Mon 10:00→14:00 = 4; T2 Tue 09:00→21:00 = 8; T3 Thu 00:00 → Fri
    // 00:00 = 8 (Thu 09–17); T6 Sun = 0; T7 Wed 00:00→02:00 = 0. Sorted 0, 0, 4, 8, 8: median 4, p90 at 3.6 = 8.
    expect(report.totals.firstResolution).toMatchObject({ medianSeconds: 4 * H, p90Seconds: 8 * H });
    // Full: T1 4; T2 Tue 09:00 → Thu 09:00 = 8 + 8 = 16; T6 0; T7 0. Median (0 + 4) / 2 = 2; p90 at 2.7:
    // 4 + 0.7 × 12 = 12.4.
    expect(report.totals.fullResolution.medianSeconds).toBe(2 * H);
    expect(report.totals.fullResolution.p90Seconds).toBeCloseTo(12.4 * H, 6);
    expect(report.categories).toEqual(["billing", "shipping"]);
    // The previous period (Jan 29 – Feb 28) holds T5 only: solved after 2 h (Fri 02-20 00:00 → 02:00: 0 business h).
    expect(report.previous.range).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(report.previous.totals).toMatchObject({ tickets: 1, firstResolution: { medianSeconds: 0, count: 1 } });
    expect(report.channels).toEqual(["email", "chat"]);
    expect(report.repeatIssues).toEqual([
      { category: "billing", numerator: 2, denominator: 3, rate: 2 / 3 },
      { category: "shipping", numerator: 1, denominator: 3, rate: 1 / 3 },
    ]);
    const billing = report.byCategory.find((c) => c.category === "billing");
    // Billing reopen: T2 of T1, T2, T6.
    expect(billing?.reopen).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    // ISO weeks clipped to March: Sun 03-01, 03-02..08, 03-09..15, 03-16..22, 03-23..29, 03-30..31.
    expect(report.buckets.map((b) => [b.from, b.tickets, b.byCategory, b.byChannel])).toEqual([
      ["2026-03-01", 0, {}, {}],
      ["2026-03-02", 2, { billing: 1, shipping: 1 }, { email: 2 }],
      ["2026-03-09", 2, { billing: 2 }, { email: 1, chat: 1 }],
      ["2026-03-16", 1, { shipping: 1 }, { email: 1 }],
      ["2026-03-23", 1, { shipping: 1 }, { chat: 1 }],
      ["2026-03-30", 0, {}, {}],
    ]);
  });

  it("places tickets against the customer's latest subscription charge", async () => {
    const facts = await ticketFacts(database().db, context.workspaceId, "UTC", MARCH, CHARGES);
    // c1 renewed 03-01 12:00: T1 22 h later (day 0), T2 8 d 21 h later (day 8), T7 23 d 12 h later (day 23).
    // c3 started 03-13 00:00: T6 2 days later (day 2). c2's T3 and T4 have no charge before them.
    expect(facts.map((t) => [t.id, t.secondsSinceCharge === null ? null : t.secondsSinceCharge / H])).toEqual([
      [1, 22],
      [3, null],
      [2, 213],
      [6, 48],
      [4, null],
      [7, 564],
    ]);
    const timing = chargeTiming(facts, ["billing", "shipping"]);
    // Billing: T1 (22 h) and T6 (48 h) within 72 h, T2 not: 2 of 3. Shipping: only T7 had a charge, 23 days.
    expect(timing.rows).toEqual([
      { category: "billing", tickets: 3, withCharge: 3, afterCharge: 2, rate: 2 / 3 },
      { category: "shipping", tickets: 3, withCharge: 1, afterCharge: 0, rate: 0 },
    ]);
    expect(timing.histogram.filter((b) => Object.keys(b.counts).length > 0)).toEqual([
      { day: "0", counts: { billing: 1 } },
      { day: "2", counts: { billing: 1 } },
      { day: "8", counts: { billing: 1 } },
      { day: "23", counts: { shipping: 1 } },
    ]);
  });

  it("counts the open backlog now with its age", async () => {
    // At 04-01 00:00: T3 (open again, 27 days old) and T4 (new, 12 days); T8 does not exist yet.
    const backlog = await openBacklog(database().db, context.workspaceId, new Date("2026-04-01T00:00:00Z"));
    expect(backlog).toMatchObject({
      open: 2,
      medianAgeSeconds: 19.5 * 86_400,
      oldestAgeSeconds: 27 * 86_400,
      bands: [0, 0, 0, 2, 0],
    });
    expect(backlog.byCategory.map((c) => [c.category, c.open])).toEqual([["shipping", 2]]);
  });

  it("finds help-center searches without results and searches followed by a ticket within 24 hours", async () => {
    const gaps = await helpCenterGaps(database().db, context.workspaceId, "UTC", MARCH);
    // "Wifi Setup " and "wifi setup" are one query; c1's search at 08:00 is followed by T1 at 10:00, c2's by T3
    // 48 h later only (too late). c3's "refund" at 03-14 01:00 precedes T6 by 23 h. The blank query and the
    // April search are left out; "gift card" has no results_count, so it is not a search without results.
    expect(gaps).toEqual({
      searches: 5,
      noResults: 2,
      followedByTicket: 2,
      topNoResults: [{ query: "wifi setup", searches: 2, noResults: 2, followedByTicket: 1, customers: 2 }],
      topFollowedByTicket: [
        { query: "refund", searches: 2, noResults: 0, followedByTicket: 1, customers: 1 },
        { query: "wifi setup", searches: 2, noResults: 2, followedByTicket: 1, customers: 2 },
      ],
    });
  });
});
