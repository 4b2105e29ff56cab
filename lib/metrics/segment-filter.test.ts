import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { BERLIN_WEEKS } from "@/test/fixtures/berlin-weeks";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { cohortCellCustomers } from "./drilldown";
import { computeLifecycle } from "./lifecycle";
import { computeRetention } from "./retention";
import { parseRetentionQuery, type RetentionQuery, retentionSearchParams } from "./retention-query";

// The Berlin weeks fixture (test/fixtures/berlin-weeks.ts), "now" Wednesday of W5. A saved segment holds
// customers A (1) and C (3) only; the cohort and lifecycle views filtered by it count those two.
const now = new Date("2026-02-04T12:00:00Z");
const tz = "Europe/Berlin";
const retention: RetentionQuery = {
  period: "week",
  from: "2026-01-05",
  to: "2026-01-31",
  startEvent: "$any",
  returnEvent: "$any",
  mode: "first_time",
  cumulative: false,
  breakdown: null,
};

describeEachDatabase("retention and lifecycle filtered by a segment", ({ database }) => {
  let workspaceId = "";
  let segment = "";
  const scope = () => ({ workspaceId, timeZone: tz });

  beforeAll(async () => {
    const db = database().db;
    workspaceId = await buildMetricFixture(db, BERLIN_WEEKS);
    const [row] = (
      (await db.execute(sql`
        insert into segments (workspace_id, name, kind, status)
        values (${workspaceId}, 'A and C', 'static', 'active') returning id`)) as unknown as { rows: { id: string }[] }
    ).rows;
    segment = row!.id;
    await db.execute(sql`
      insert into segment_members (workspace_id, segment_id, customer_id, entered_at)
      values (${workspaceId}, ${segment}, 1, now()), (${workspaceId}, ${segment}, 3, now())`);
  });

  it("cohorts hold only the segment's members: W1 {A} returns @1 and @3, W2 {C} returns @1 and @3", async () => {
    const r = await computeRetention(database().db, scope(), { ...retention, segment }, now);
    expect(r.cohorts.map((c) => [c.start, c.size, c.values])).toEqual([
      ["2026-01-05", 1, [1, 1, 0, 1, 0]],
      ["2026-01-12", 1, [1, 1, 0, 1]],
      ["2026-01-19", 0, [0, 0, 0]],
      ["2026-01-26", 0, [0, 0]],
    ]);
    // Without the segment W1 is {A, B} and W2 {C, E} (lib/metrics/retention.test.ts): the filter did apply.
    const all = await computeRetention(database().db, scope(), retention, now);
    expect(all.cohorts[0]?.size).toBe(2);
    // A cell's customer list follows the same filter: W1 at offset 1 is A only.
    const listed = await cohortCellCustomers(
      database().db,
      scope(),
      { ...retention, segment },
      { cohort: "2026-01-05", offset: 1, breakdown: null, returned: true },
      now,
    );
    expect(listed.customers.map((c) => c.id)).toEqual([1]);
  });

  it("lifecycle counts only the segment's members", async () => {
    const r = await computeLifecycle(
      database().db,
      scope(),
      { period: "week", from: "2026-01-05", to: "2026-02-04", event: "$any", segment },
      now,
    );
    // A active W1 W2 W4, C active W2 W3 W5.
    expect(r.periods.map((p) => [p.start, p.new, p.returning, p.resurrecting, p.dormant])).toEqual([
      ["2026-01-05", 1, 0, 0, 0], // A new
      ["2026-01-12", 1, 1, 0, 0], // C new, A returning
      ["2026-01-19", 0, 1, 0, 1], // C returning, A dormant
      ["2026-01-26", 0, 0, 1, 1], // A resurrecting, C dormant
      ["2026-02-02", 0, 0, 1, 1], // C resurrecting, A dormant
    ]);
  });

  it("names the parameter when the segment is not one of the workspace's", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(
      computeRetention(database().db, scope(), { ...retention, segment: unknown }, now),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      computeLifecycle(
        database().db,
        scope(),
        { period: "week", from: "2026-01-05", to: "2026-02-04", event: "$any", segment: unknown },
        now,
      ),
    ).rejects.toThrow(/`segment`/);
  });
  describe("cohorts that start on entering a segment (its Segment Entered events)", () => {
    let entered = "";
    beforeAll(async () => {
      const db = database().db;
      const [row] = (
        (await db.execute(sql`
          insert into segments (workspace_id, name, kind, status)
          values (${workspaceId}, 'Entered', 'static', 'active') returning id`)) as unknown as {
          rows: { id: string }[];
        }
      ).rows;
      entered = row!.id;
      // 6 (merged into A) entered in W1: counts for A. A left and came back in W4. C entered on Monday
      // 2026-01-19 00:30 in Berlin (Sunday in UTC): W3. D first entered before the range, again in W2. B only
      // left (an exit is no start); E never entered.
      await db.execute(sql`
        insert into segment_membership_events (workspace_id, segment_id, customer_id, kind, at) values
          (${workspaceId}, ${entered}, 6, 'entered', '2026-01-07T09:00:00Z'),
          (${workspaceId}, ${entered}, 1, 'exited', '2026-01-20T09:00:00Z'),
          (${workspaceId}, ${entered}, 1, 'entered', '2026-01-26T09:00:00Z'),
          (${workspaceId}, ${entered}, 3, 'entered', '2026-01-18T23:30:00Z'),
          (${workspaceId}, ${entered}, 4, 'entered', '2025-12-29T09:00:00Z'),
          (${workspaceId}, ${entered}, 4, 'entered', '2026-01-13T09:00:00Z'),
          (${workspaceId}, ${entered}, 2, 'exited', '2026-01-08T09:00:00Z')`);
    });

    it("first-time: W1 {A} (returns @1 and @3), W3 {C} (returns @2); D entered before the range", async () => {
      const r = await computeRetention(database().db, scope(), { ...retention, startSegment: entered }, now);
      expect(r.cohorts.map((c) => [c.start, c.size, c.values])).toEqual([
        ["2026-01-05", 1, [1, 1, 0, 1, 0]],
        ["2026-01-12", 0, [0, 0, 0, 0]],
        ["2026-01-19", 1, [1, 0, 1]],
        ["2026-01-26", 0, [0, 0]],
      ]);
      const listed = await cohortCellCustomers(
        database().db,
        scope(),
        { ...retention, startSegment: entered },
        { cohort: "2026-01-05", offset: 3, breakdown: null, returned: true },
        now,
      );
      expect(listed.customers.map((c) => c.id)).toEqual([1]);
    });

    it("recurring: every week with an entry is a cohort: W1 {A}, W2 {D}, W3 {C}, W4 {A}", async () => {
      const r = await computeRetention(
        database().db,
        scope(),
        { ...retention, mode: "recurring", startSegment: entered },
        now,
      );
      expect(r.cohorts.map((c) => [c.start, c.size, c.values])).toEqual([
        ["2026-01-05", 1, [1, 1, 0, 1, 0]],
        ["2026-01-12", 1, [1, 0, 0, 0]],
        ["2026-01-19", 1, [1, 0, 1]],
        ["2026-01-26", 1, [1, 0]],
      ]);
    });

    it("with a named return event: A ordered in W4 (@3), C in W5 (@2)", async () => {
      const r = await computeRetention(
        database().db,
        scope(),
        { ...retention, returnEvent: "Order Completed", startSegment: entered },
        now,
      );
      expect(r.cohorts.map((c) => [c.start, c.size, c.values])).toEqual([
        ["2026-01-05", 1, [1, 0, 0, 1, 0]],
        ["2026-01-12", 0, [0, 0, 0, 0]],
        ["2026-01-19", 1, [1, 0, 1]],
        ["2026-01-26", 0, [0, 0]],
      ]);
    });

    it("names start_segment when it is malformed or not the workspace's", async () => {
      expect(() => parseRetentionQuery(new URLSearchParams({ start_segment: "churners" }), now, tz)).toThrow(
        /`start_segment`/,
      );
      const unknown = "00000000-0000-4000-8000-000000000000";
      await expect(
        computeRetention(database().db, scope(), { ...retention, startSegment: unknown }, now),
      ).rejects.toThrow(/`start_segment`/);
      // The URL of a view keeps it, so a link reproduces the view.
      const params = retentionSearchParams({ ...retention, startSegment: entered });
      expect(parseRetentionQuery(params, now, tz).startSegment).toBe(entered);
    });
  });
});
