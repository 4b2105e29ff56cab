import { beforeAll, expect, it, vi } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";

// The route's adapters: a signed-in analytics reader of the test workspace, and the test database.
const state = vi.hoisted(() => ({ workspaceId: "", db: null as unknown }));
vi.mock("@/lib/auth/api-access", () => ({
  requireApiAccess: async () => ({
    via: "session",
    workspace: { id: state.workspaceId, timeZone: "America/New_York", currency: "USD" },
    userId: "u",
  }),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const { GET } = await import("@/app/api/v1/metrics/kpis/route");

describeEachDatabase("GET /api/v1/metrics/kpis", ({ database }) => {
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    state.db = db;
    context = await kpiWorkspace(db, "America/New_York");
    state.workspaceId = context.workspaceId;
    await addCustomers(db, context, [{ id: 1 }]);
    await addEvents(db, context, [
      // 23:30 on 03-31 in New York: a March order
      { customer: 1, name: "Order Completed", at: "2026-04-01T03:30:00Z", properties: { order_id: "A", revenue: 40 } },
    ]);
  });

  const get = (query: string) => GET(new Request(`http://localhost/api/v1/metrics/kpis?${query}`));

  it("answers every KPI as JSON with local ISO dates", async () => {
    const response = await get("from=2026-03-01&to=2026-03-31");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.range).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(body.previousRange).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(body.timeZone).toBe("America/New_York");
    expect(body.averageOrderValue).toEqual({ value: 40, previous: null, orders: 1, revenue: 40, discount: 0 });
    for (const key of [
      "customerRetentionRate",
      "churnRate",
      "repeatPurchaseRate",
      "mrr",
      "grossMrrChurn",
      "netMrrChurn",
      "arpa",
      "ltv",
      "ltvToCac",
      "nps",
      "timeToFirstValue",
      "onboardingCompletion",
    ]) {
      expect(body[key]).toHaveProperty("value");
      expect(body[key]).toHaveProperty("previous");
    }
  });

  it.each([
    ["from=2026-03-01", "to"],
    ["from=yesterday&to=2026-03-31", "from"],
    ["from=2026-03-31&to=2026-03-01", "to"],
    ["from=2024-01-01&to=2026-06-01", "to"],
  ])("400 for %s naming %s", async (query, parameter) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fields)).toEqual([parameter]);
    expect(body.error).toContain(parameter);
  });
});
