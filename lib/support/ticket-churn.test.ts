import { expect, it } from "vitest";
import { loadMetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { addTickets } from "./fixture";
import { ticketChurn } from "./ticket-churn";

const JANUARY = { from: "2026-01-01", to: "2026-01-31" };
const started = (customer: number) => ({
  customer,
  name: "Subscription Started",
  at: "2025-12-01T12:00:00Z",
  properties: { mrr: 30 },
});

describeEachDatabase("ticket-driven churn", ({ database }) => {
  it("compares churn within 60 days after a ticket with windows without one (subscriptions)", async () => {
    const db = database().db;
    /*
     * Subscribers since 2025-12-01: c1 (cancels 02-15), c2 (stays), c3 (cancels 03-01), c4 (no ticket, cancels
     * 02-10), c5 (no ticket, stays), c7 (stays). c6 never subscribed. Today is 03-31.
     * Tickets: c1 billing 01-10 never solved, c1 shipping 01-25; c2 billing 01-12 solved 01-13, billing 01-20;
     * c3 integration setup 01-20 solved 01-21; c6 billing 01-05; c7 shipping 01-31.
     */
    const workspaceId = await buildMetricFixture(db, {
      timeZone: "UTC",
      customers: [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id })),
      events: [
        ...[1, 2, 3, 4, 5, 7].map(started),
        { customer: 1, name: "Subscription Cancelled", at: "2026-02-15T12:00:00Z" },
        { customer: 3, name: "Subscription Cancelled", at: "2026-03-01T12:00:00Z" },
        { customer: 4, name: "Subscription Cancelled", at: "2026-02-10T12:00:00Z" },
        { customer: 6, name: "Logged In", at: "2026-01-04T12:00:00Z" },
      ],
    });
    await addTickets(db, workspaceId, [
      { id: 1, customer: 1, category: "billing", created: "2026-01-10T15:00:00Z" },
      { id: 2, customer: 1, category: "shipping", created: "2026-01-25T15:00:00Z" },
      {
        id: 3,
        customer: 2,
        category: "billing",
        created: "2026-01-12T15:00:00Z",
        history: [["solved", "2026-01-13T10:00:00Z"]],
      },
      { id: 4, customer: 2, category: "billing", created: "2026-01-20T15:00:00Z" },
      {
        id: 5,
        customer: 3,
        category: "integration setup",
        created: "2026-01-20T15:00:00Z",
        history: [["solved", "2026-01-21T10:00:00Z"]],
      },
      { id: 6, customer: 6, category: "billing", created: "2026-01-05T15:00:00Z" },
      { id: 7, customer: 7, category: "shipping", created: "2026-01-31T15:00:00Z" },
    ]);
    const context = await loadMetricContext(db, workspaceId);
    const churn = await ticketChurn(db, context, JANUARY, "2026-03-31");
    expect(churn.basis).toBe("subscription");
    // First ticket per customer: c1 01-10 (cancelled by 03-11: churned), c2 01-12 (stays), c3 01-20 (cancelled
    // 03-01, before 03-21: churned); c6 was not subscribed (not at risk); c7's window ends 04-01, after today.
    expect(churn.withTicket).toEqual({ label: "With a ticket", customers: 3, churned: 2, rate: 2 / 3 });
    expect(churn.inactiveAtTicket).toBe(1);
    expect(churn.windowOpen).toBe(1);
    // c2's first ticket was solved within its window, c3's too; c1's was never solved.
    expect(churn.resolved).toMatchObject({ customers: 2, churned: 1, rate: 0.5 });
    expect(churn.unresolved).toMatchObject({ customers: 1, churned: 1, rate: 1 });
    // Billing: c1 (churned) and c2 (stays), c6 not at risk. Shipping: c1 anchored 01-25 (window ends 03-26,
    // cancelled: churned), c7 still open. Integration setup: c3 churned.
    expect(churn.byCategory).toEqual([
      { label: "billing", customers: 2, churned: 1, rate: 0.5 },
      { label: "integration setup", customers: 1, churned: 1, rate: 1 },
      { label: "shipping", customers: 1, churned: 1, rate: 1 },
    ]);
    // Without a ticket: the one anchor 01-01 (window to 03-02). Active then: c1, c2, c3, c4, c5, c7; c1, c2,
    // c3 and c7 wrote in within the window. c4 cancelled (churned), c5 stays: 1 of 2.
    expect(churn.withoutTicket).toEqual({
      label: "Without a ticket",
      customers: 2,
      churned: 1,
      rate: 0.5,
      anchors: ["2026-01-01"],
    });
  });

  it("uses activity within the inactivity window when the workspace has no subscriptions", async () => {
    const db = database().db;
    /*
     * Inactivity window 30 days. c1 active 12-20, writes in 01-10, never seen again: active at 01-10 (12-20 is
     * in [12-11, 01-10)), not at 03-11 ([02-09, 03-11) empty): churned. c2 active 12-20 and 03-01, writes in
     * 01-12: active at 03-13 ([02-11, 03-13) holds 03-01). c3 (12-25 and 02-20) and c4 (12-25 only) never write
     * in: at the 01-01 anchor both are active; at 03-02 c3 is ([01-31, 03-02) holds 02-20), c4 is not.
     */
    const workspaceId = await buildMetricFixture(db, {
      timeZone: "UTC",
      settings: { inactivityWindowDays: 30 },
      customers: [1, 2, 3, 4].map((id) => ({ id })),
      events: [
        { customer: 1, at: "2025-12-20T12:00:00Z" },
        { customer: 2, at: "2025-12-20T12:00:00Z" },
        { customer: 2, at: "2026-03-01T12:00:00Z" },
        { customer: 3, at: "2025-12-25T12:00:00Z" },
        { customer: 3, at: "2026-02-20T12:00:00Z" },
        { customer: 4, at: "2025-12-25T12:00:00Z" },
      ],
    });
    await addTickets(db, workspaceId, [
      { id: 1, customer: 1, category: "billing", created: "2026-01-10T15:00:00Z" },
      { id: 2, customer: 2, category: "billing", created: "2026-01-12T15:00:00Z" },
    ]);
    const context = await loadMetricContext(db, workspaceId);
    const churn = await ticketChurn(db, context, JANUARY, "2026-03-31");
    expect(churn.basis).toBe("activity");
    expect(churn.withTicket).toMatchObject({ customers: 2, churned: 1, rate: 0.5 });
    expect(churn.withoutTicket).toMatchObject({ customers: 2, churned: 1, rate: 0.5 });
  });
});
