import { beforeAll, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/test/db";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { addTickets } from "./fixture";

// The route's adapters: a signed-in support reader of the test workspace, and the test database.
const state = vi.hoisted(() => ({ workspaceId: "", db: null as unknown }));
vi.mock("@/lib/auth/api-access", () => ({
  requireApiAccess: async () => ({
    via: "session",
    workspace: { id: state.workspaceId, timeZone: "UTC", currency: "USD" },
    userId: "u",
  }),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const { GET } = await import("@/app/api/v1/metrics/support/route");

describeEachDatabase("GET /api/v1/metrics/support", ({ database }) => {
  beforeAll(async () => {
    const db = database().db;
    state.db = db;
    state.workspaceId = await buildMetricFixture(db, { timeZone: "UTC", customers: [{ id: 1 }], events: [] });
    // One ticket solved 3 h after it was written (Monday 2026-03-02 10:00 → 13:00).
    await addTickets(db, state.workspaceId, [
      {
        id: 1,
        customer: 1,
        category: "billing",
        created: "2026-03-02T10:00:00Z",
        reply: "2026-03-02T10:30:00Z",
        history: [["solved", "2026-03-02T13:00:00Z"]],
      },
    ]);
  });

  const get = (query: string) => GET(new Request(`http://localhost/api/v1/metrics/support?${query}`));

  it("answers the support numbers as JSON", async () => {
    const response = await get("from=2026-03-01&to=2026-03-31&hours=business");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.range).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(body.granularity).toBe("week");
    expect(body.hours).toBe("business");
    expect(body.supportHours).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", isDefault: true });
    expect(body.totals.tickets).toBe(1);
    // 10:00 → 13:00 on a Monday: 3 business hours; reply after 30 minutes.
    expect(body.totals.firstResolution.medianSeconds).toBe(3 * 3600);
    expect(body.totals.firstResponse.medianSeconds).toBe(1800);
    expect(body.categories).toEqual(["billing"]);
    for (const key of ["buckets", "byCategory", "repeatIssues", "backlog", "churn", "helpCenter"]) {
      expect(body).toHaveProperty(key);
    }
  });

  it.each([
    ["", "from"],
    ["from=2026-03-01", "to"],
    ["from=yesterday&to=2026-03-31", "from"],
    ["from=2026-02-30&to=2026-03-31", "from"],
    ["from=2026-03-31&to=2026-03-01", "to"],
    ["from=2024-01-01&to=2026-06-01", "to"],
    ["from=2026-03-01&to=2026-03-31&granularity=day", "granularity"],
    ["from=2026-03-01&to=2026-03-31&hours=weekends", "hours"],
  ])("400 for %j naming %s", async (query, parameter) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fields)[0]).toBe(parameter);
    expect(body.error).toContain(parameter);
  });
});
