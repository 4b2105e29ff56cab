import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/db";
import { BERLIN_WEEKS } from "@/test/fixtures/berlin-weeks";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { cohortCellCustomers, lifecycleCustomers } from "./drilldown";
import type { RetentionQuery } from "./retention-query";

const now = new Date("2026-02-04T12:00:00Z");
const query: RetentionQuery = {
  period: "week",
  from: "2026-01-05",
  to: "2026-01-31",
  startEvent: "$any",
  returnEvent: "$any",
  mode: "first_time",
  cumulative: false,
  breakdown: null,
};

describeEachDatabase("drill-down lists", ({ database }) => {
  let workspaceId = "";
  const scope = () => ({ workspaceId, timeZone: "Europe/Berlin" });
  const ids = (page: { customers: { id: number }[] }) => page.customers.map((c) => c.id);

  beforeAll(async () => {
    workspaceId = await buildMetricFixture(database().db, BERLIN_WEEKS);
  });

  it("lists a cohort cell's customers and, as the toggle, those who did not return", async () => {
    const db = database().db;
    // W1 = {A=1, B=2}; at offset 1 (W2) only A was back.
    const back = await cohortCellCustomers(
      db,
      scope(),
      query,
      { cohort: "2026-01-05", offset: 1, breakdown: null, returned: true },
      now,
    );
    expect(back.total).toBe(1);
    expect(ids(back)).toEqual([1]);
    expect(back.customers[0]).toMatchObject({ externalId: "user_1", email: "user1@example.com" });
    const away = await cohortCellCustomers(
      db,
      scope(),
      query,
      { cohort: "2026-01-05", offset: 1, breakdown: null, returned: false },
      now,
    );
    expect(ids(away)).toEqual([2]);
    const whole = await cohortCellCustomers(
      db,
      scope(),
      query,
      { cohort: "2026-01-05", offset: 0, breakdown: null, returned: true },
      now,
    );
    expect(ids(whole)).toEqual([1, 2]);
  });

  it("cumulative cells count customers who came back in that period or later", async () => {
    const db = database().db;
    // W1 offset 2 (W3) or later: A (W4) and B (W3).
    const page = await cohortCellCustomers(
      db,
      scope(),
      { ...query, cumulative: true },
      { cohort: "2026-01-05", offset: 2, breakdown: null, returned: true },
      now,
    );
    expect(ids(page)).toEqual([1, 2]);
  });

  it("filters by breakdown group, (none) included", async () => {
    const db = database().db;
    const q = { ...query, breakdown: "plan" };
    const none = await cohortCellCustomers(
      db,
      scope(),
      q,
      { cohort: "2026-01-12", offset: 0, breakdown: "(none)", returned: true },
      now,
    );
    expect(ids(none)).toEqual([5]);
    const pro = await cohortCellCustomers(
      db,
      scope(),
      q,
      { cohort: "2026-01-12", offset: 1, breakdown: "pro", returned: true },
      now,
    );
    expect(ids(pro)).toEqual([3]);
  });

  it("lists a lifecycle bar's customers", async () => {
    const db = database().db;
    const lq = { period: "week" as const, from: "2026-01-05", to: "2026-02-04", event: "$any" };
    // W3: dormant A and D; resurrecting B.
    expect(ids(await lifecycleCustomers(db, scope(), lq, { start: "2026-01-19", status: "dormant" }, now))).toEqual([
      1, 4,
    ]);
    expect(
      ids(await lifecycleCustomers(db, scope(), lq, { start: "2026-01-19", status: "resurrecting" }, now)),
    ).toEqual([2]);
  });
});
