import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { rebuildDailyActivity, refreshCustomerFacts } from "@/lib/ingest/rollup";
import { loadMetricContext } from "@/lib/metrics/settings";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { compileSegmentRule } from "../compile";
import { parseSegmentRule } from "../parse";
import type { SegmentRuleInput } from "../rule-schema";
import { createSegment } from "./crud";
import { loadSegments } from "./load";
import { recomputeSegment } from "./recompute";
import { savedSegmentResolver } from "./references";
import { refreshScheduledSegments } from "./refresh";
import type { SavedSegment } from "./types";

/**
 * The property the membership design rests on: members kept incrementally (the ingest refresh for the
 * customers a batch touched, plus the scheduled refresh after time passes) are always exactly the customers
 * a full evaluation of the rule selects at that instant. Random batches (events, identifies, anonymous
 * visits that later merge into a user) and random clock advances, on simulated time.
 */
const START = new Date("2026-03-10T12:00:00Z");
const USERS = ["u1", "u2", "u3", "u4", "u5", "u6"];
const ANONYMOUS = ["a1", "a2", "a3"];

const group = (...conditions: SegmentRuleInput["conditions"]): SegmentRuleInput => ({
  type: "group",
  combinator: "and",
  conditions,
});

describeEachDatabase("incremental segment membership", ({ database }) => {
  let workspaceId = "";
  let now = START;
  let messageSeq = 0;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START);
    const db = database().db;
    const [ws] = await db
      .insert(workspaces)
      .values({ name: "Membership", timeZone: "America/New_York" })
      .returning({ id: workspaces.id });
    workspaceId = ws!.id;
    const actor = { workspaceId, userId: null, now: START };
    const make = async (name: string, rule: SegmentRuleInput) =>
      createSegment(db, actor, {
        name,
        description: "",
        kind: "dynamic",
        status: "active",
        rule: parseSegmentRule(rule),
      });
    const loginWindow = (n: number, days: number) => ({
      type: "event" as const,
      event: "Logged In",
      operator: "performed" as const,
      count: { operator: "at_least" as const, value: n },
      window: { type: "last" as const, amount: days, unit: "days" as const },
    });
    const frequent = await make("Frequent", group(loginWindow(2, 3)));
    const quiet = await make(
      "Quiet",
      group({
        type: "event",
        event: "$any",
        operator: "not_performed",
        window: { type: "last", amount: 2, unit: "days" },
      }),
    );
    const pro = await make(
      "Pro",
      group({ type: "trait", trait: "plan", test: { type: "string", operator: "equals", value: "pro" } }),
    );
    await make(
      "Buyers",
      group({ type: "commerce", measure: "orders", test: { type: "number", operator: "gte", value: 2 } }),
    );
    await make(
      "Lapsed buyers",
      group({ type: "commerce", measure: "days_since_last_order", test: { type: "number", operator: "gt", value: 2 } }),
    );
    await make("Detractors", group({ type: "nps", band: "detractor" }));
    await make(
      "Falling",
      group({ type: "frequency_change", event: "Logged In", windowDays: 2, direction: "fell", percent: 50 }),
    );
    await make(
      "Login long ago",
      group({ type: "event_time", event: "Logged In", which: "last", operator: "more_than_ago", days: 2 }),
    );
    await make("Dormant yesterday", group({ type: "lifecycle_status", status: "dormant", period: "day" }));
    await make(
      "Quiet pros",
      group(
        { type: "segment", segmentId: pro.id, operator: "in" },
        { type: "segment", segmentId: quiet.id, operator: "in" },
      ),
    );
    await make("Not frequent", group({ type: "segment", segmentId: frequent.id, operator: "not_in" }));
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  function randomMessage(random: Random): Record<string, unknown> {
    messageSeq += 1;
    const at = new Date(now.getTime() - random.int(0, 36 * 3600) * 1000).toISOString();
    const who = random.chance(0.2)
      ? { anonymousId: random.pick(ANONYMOUS) }
      : { userId: random.pick(USERS), ...(random.chance(0.15) ? { anonymousId: random.pick(ANONYMOUS) } : {}) };
    const base = { messageId: `m${messageSeq}`, timestamp: at, ...who };
    switch (random.int(0, 4)) {
      case 0:
        return { ...base, type: "identify", traits: { plan: random.pick(["pro", "basic"]) } };
      case 1:
        return {
          ...base,
          type: "track",
          event: "Order Completed",
          properties: { order_id: `o${random.int(1, 12)}`, revenue: 10 },
        };
      case 2:
        return { ...base, type: "track", event: "NPS Submitted", properties: { score: random.int(0, 10) } };
      default:
        return { ...base, type: "track", event: "Logged In" };
    }
  }

  /** Members as stored vs the rule evaluated in full now; also a full recompute must find nothing to change. */
  async function expectMembersMatchRules(step: string) {
    const db = database().db;
    const metric = await loadMetricContext(db, workspaceId);
    const resolveSegment = savedSegmentResolver(db, workspaceId);
    const segments: SavedSegment[] = await loadSegments(db, workspaceId);
    for (const segment of segments) {
      const query = await compileSegmentRule(segment.rule!, { ...metric, now, resolveSegment });
      const expected = (await rows<{ id: number }>(db, sql`${query} order by 1`)).map((r) => Number(r.id));
      const stored = (
        await rows<{ id: number }>(
          db,
          sql`select customer_id as id from segment_members where segment_id = ${segment.id}::uuid order by 1`,
        )
      ).map((r) => Number(r.id));
      expect(stored, `${segment.name} after ${step}`).toEqual(expected);
    }
    const again = await Promise.all(segments.map((s) => recomputeSegment(db, s, { now })));
    expect(
      again.every((c) => c.entered === 0 && c.exited === 0),
      `full recompute after ${step}`,
    ).toBe(true);
  }

  it("equals a full recompute after random ingests and clock advances", async () => {
    const db = database().db;
    const random = new Random(20_261_124);
    let enteredOrExited = 0;
    for (let step = 1; step <= 45; step++) {
      if (random.chance(0.35)) {
        now = new Date(now.getTime() + random.int(1, 40) * 3600 * 1000);
        vi.setSystemTime(now);
        const result = await refreshScheduledSegments(db, { now, workspaceId });
        enteredOrExited += result.entered + result.exited;
        await expectMembersMatchRules(`step ${step}: clock +→ ${now.toISOString()}`);
      } else {
        const batch = Array.from({ length: random.int(1, 8) }, () => ({ raw: randomMessage(random) }));
        const outcome = await ingestBatch(db, { workspaceId, sourceId: null }, batch, { receivedAt: now });
        expect(outcome.rejected).toEqual([]);
        await expectMembersMatchRules(`step ${step}: ingest of ${batch.length}`);
      }
    }
    // The run exercised the machinery: entries and exits happened on both paths.
    const [log] = await rows<{ entered: number; exited: number }>(
      db,
      sql`select count(*) filter (where kind = 'entered')::int as entered, count(*) filter (where kind = 'exited')::int as exited
        from segment_membership_events where workspace_id = ${workspaceId}`,
    );
    expect(Number(log?.entered)).toBeGreaterThan(20);
    expect(Number(log?.exited)).toBeGreaterThan(10);
    expect(enteredOrExited).toBeGreaterThan(0);
  }, 240_000);

  it("keeps members = entries − exits in the log, per segment", async () => {
    const found = await rows<{ name: string; members: number; net: number }>(
      database().db,
      sql`select s.name,
          (select count(*)::int from segment_members m where m.segment_id = s.id) as members,
          (select coalesce(sum(case e.kind when 'entered' then 1 else -1 end), 0)::int
             from segment_membership_events e where e.segment_id = s.id) as net
        from segments s where s.workspace_id = ${workspaceId}`,
    );
    expect(found.length).toBe(11);
    for (const r of found) expect(Number(r.members), r.name).toBe(Number(r.net));
  });
  it("records each entry and exit as a Segment Entered / Exited event that is not customer activity", async () => {
    const db = database().db;
    // One event per log row, same kind, segment, instant. Its customer is the log's, or the profile that one was
    // later merged into (merges move events); an exit caused by the merge itself stays on the merged-away id.
    const unmatched = await rows<{ id: number }>(
      db,
      sql`select l.id from segment_membership_events l
        join customers c on c.workspace_id = l.workspace_id and c.id = l.customer_id
        left join events e on e.workspace_id = l.workspace_id and e.message_id = 'tenure-segment-' || l.id
          and e.type = 'system' and e.timestamp = l.at
          and e.name = case l.kind when 'entered' then 'Segment Entered' else 'Segment Exited' end
          and e.properties ->> 'segment_id' = l.segment_id::text
          and e.properties ->> 'segment_name' = (select s.name from segments s where s.id = l.segment_id)
          and e.customer_id in (l.customer_id, c.merged_into)
        where l.workspace_id = ${workspaceId} and e.id is null`,
    );
    expect(unmatched).toEqual([]);
    const [counts] = await rows<{ log: number; recorded: number }>(
      db,
      sql`select (select count(*)::int from segment_membership_events where workspace_id = ${workspaceId}) as log,
        (select count(*)::int from events where workspace_id = ${workspaceId} and type = 'system') as recorded`,
    );
    expect(Number(counts?.recorded)).toBe(Number(counts?.log));

    // Rebuilding the activity rollup and the profile facts from every stored event (segment events included)
    // changes nothing: entering "Quiet" (no activity in 2 days) does not make a customer active.
    const snapshot = () =>
      rows(
        db,
        sql`select 'day' as k, customer_id as id, day::text as v, event_count as n, active_event_count as a
          from customer_daily_activity where workspace_id = ${workspaceId}
          union all
          select 'customer', id, concat_ws('|', first_seen_at, last_seen_at, last_active_at), event_count, 0
          from customers where workspace_id = ${workspaceId} and merged_into is null
          order by 1, 2, 3`,
      );
    const kept = await snapshot();
    await rebuildDailyActivity(db, workspaceId);
    await refreshCustomerFacts(db, workspaceId);
    expect(await snapshot()).toEqual(kept);
  });
});
