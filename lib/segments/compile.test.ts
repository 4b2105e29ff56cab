import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { describeEachDatabase } from "@/test/db";
import { compileSegmentRule } from "./compile";
import type { BatchEvent, SegmentCompileContext } from "./context";
import { parseSegmentRule } from "./parse";
import { onlyCustomers } from "./store/recompute";
import { buildSegmentFixture } from "./test-fixture";

/**
 * Every operator against hand-built customers (test-fixture.ts; the reasoning for each expectation is written
 * there beside the data and here beside the case). Each case is scoped to one family of customers:
 * `family = X and <condition>`. Today is 2026-03-18 in America/New_York.
 */
// Conditions are written as the JSON a client sends and go through parseSegmentRule, like a request.
type Case = [label: string, family: string, condition: unknown, expected: number[]];

const s = (operator: string, extra: Record<string, unknown> = {}) => ({ type: "string", operator, ...extra });
const n = (operator: string, extra: Record<string, unknown> = {}) => ({ type: "number", operator, ...extra });
const d = (operator: string, extra: Record<string, unknown> = {}) => ({ type: "date", operator, ...extra });
const trait = (name: string, test: Record<string, unknown>) => ({ type: "trait", trait: name, test });
const workout = (extra: Record<string, unknown> = {}) => ({
  type: "event",
  event: "Workout Logged",
  operator: "performed",
  ...extra,
});

const TRAITS: Case[] = [
  // plan: 1 "Pro", 2 "pro", 3 "Basic", 4 missing, 5 "", 6 the number 42; 7 is merged away.
  ["string equals ignores case", "traits", trait("plan", s("equals", { value: "pro" })), [1, 2]],
  ["string equals reads a number's text", "traits", trait("plan", s("equals", { value: "42" })), [6]],
  ["string not equals includes missing", "traits", trait("plan", s("not_equals", { value: "PRO" })), [3, 4, 5, 6]],
  ["string contains", "traits", trait("plan", s("contains", { value: "AS" })), [3]],
  ["string starts with", "traits", trait("plan", s("starts_with", { value: "p" })), [1, 2]],
  ["string in list", "traits", trait("plan", s("in", { values: ["basic", "PRO"] })), [1, 2, 3]],
  ["string is set (not empty)", "traits", trait("plan", s("is_set")), [1, 2, 3, 6]],
  ["string is not set", "traits", trait("plan", s("is_not_set")), [4, 5]],
  // age: 1 34, 2 "19.5", 3 50, 4 "old", 5 null, 6 missing.
  ["number =", "traits", trait("age", n("eq", { value: 34 })), [1]],
  ["number ≠ includes unreadable", "traits", trait("age", n("neq", { value: 34 })), [2, 3, 4, 5, 6]],
  ["number < reads numeric strings", "traits", trait("age", n("lt", { value: 34 })), [2]],
  ["number ≤", "traits", trait("age", n("lte", { value: 34 })), [1, 2]],
  ["number >", "traits", trait("age", n("gt", { value: 34 })), [3]],
  ["number ≥", "traits", trait("age", n("gte", { value: 19.5 })), [1, 2, 3]],
  ["number between, ends included", "traits", trait("age", n("between", { min: 19.5, max: 34 })), [1, 2]],
  ["number is set", "traits", trait("age", n("is_set")), [1, 2, 3]],
  ["number is not set", "traits", trait("age", n("is_not_set")), [4, 5, 6]],
  // vip: 1 true, 2 "false", 3 false, 6 "TRUE".
  ["boolean true", "traits", trait("vip", { type: "boolean", operator: "is_true" }), [1, 6]],
  ["boolean false", "traits", trait("vip", { type: "boolean", operator: "is_false" }), [2, 3]],
  ["boolean is set", "traits", trait("vip", { type: "boolean", operator: "is_set" }), [1, 2, 3, 6]],
  ["boolean is not set", "traits", trait("vip", { type: "boolean", operator: "is_not_set" }), [4, 5]],
  // renewal: 1 03-20, 2 02-28, 3 02-31 (no such day), 4 "not a date", 5 03-18 (today), 6 03-12.
  ["date before", "traits", trait("renewal", d("before", { date: "2026-03-12" })), [2]],
  ["date after", "traits", trait("renewal", d("after", { date: "2026-03-12" })), [1, 5]],
  ["date between", "traits", trait("renewal", d("between", { from: "2026-03-12", to: "2026-03-18" })), [5, 6]],
  // within the last 7 days = 03-12 … 03-18; the last 6 = 03-13 … 03-18; the future (1) is in neither.
  ["date within the last 7 days", "traits", trait("renewal", d("within_last", { days: 7 })), [5, 6]],
  ["date within the last 6 days", "traits", trait("renewal", d("within_last", { days: 6 })), [5]],
  // more than 6 days ago = on or before 03-12.
  ["date more than 6 days ago", "traits", trait("renewal", d("more_than_ago", { days: 6 })), [2, 6]],
  ["date is set (a real date)", "traits", trait("renewal", d("is_set")), [1, 2, 5, 6]],
  ["date is not set", "traits", trait("renewal", d("is_not_set")), [3, 4]],
  // last_login local days in New York: 1 "…12T02:30Z" → 03-11; 2 "…12T10:00" (no offset) → 03-12;
  // 3 "…12T04:30+01:00" = 03:30Z → 03-11. In UTC 1 and 3 would be on 03-12.
  [
    "date-time with offset in the workspace zone",
    "traits",
    trait("last_login", d("before", { date: "2026-03-12" })),
    [1, 3],
  ],
  [
    "local date-time as written",
    "traits",
    trait("last_login", d("between", { from: "2026-03-12", to: "2026-03-12" })),
    [2],
  ],
];

const EVENTS: Case[] = [
  // Workout Logged: 11 ×3 (03-12 00:00 local, 03-15, 03-18), 12 ×1 (03-11 23:59 local), 13 ×2 (03-17, 01-10),
  // 15 ×1 (03-05); 14 only Logged In today; 16 nothing.
  ["performed, ever", "events", workout(), [11, 12, 13, 15]],
  ["not performed", "events", workout({ operator: "not_performed" }), [14, 16]],
  ["at least 2 times", "events", workout({ count: { operator: "at_least", value: 2 } }), [11, 13]],
  ["at least 3 times", "events", workout({ count: { operator: "at_least", value: 3 } }), [11]],
  ["at most 1 time includes never", "events", workout({ count: { operator: "at_most", value: 1 } }), [12, 14, 15, 16]],
  ["exactly 0 times", "events", workout({ count: { operator: "exactly", value: 0 } }), [14, 16]],
  ["exactly 1 time", "events", workout({ count: { operator: "exactly", value: 1 } }), [12, 15]],
  ["exactly 2 times", "events", workout({ count: { operator: "exactly", value: 2 } }), [13]],
  // last 7 days = from 03-12 00:00 local (04:00Z): 11's first workout is in, 12's (one minute earlier) is not.
  ["in the last 7 days", "events", workout({ window: { type: "last", amount: 7, unit: "days" } }), [11, 13]],
  ["in the last 1 week", "events", workout({ window: { type: "last", amount: 1, unit: "weeks" } }), [11, 13]],
  ["in the last 8 days", "events", workout({ window: { type: "last", amount: 8, unit: "days" } }), [11, 12, 13]],
  [
    "between dates (local days)",
    "events",
    workout({ window: { type: "between", from: "2026-03-11", to: "2026-03-11" } }),
    [12],
  ],
  [
    "at least 2 times in the last 7 days",
    "events",
    workout({ count: { operator: "at_least", value: 2 }, window: { type: "last", amount: 7, unit: "days" } }),
    [11],
  ],
  [
    "not performed in the last 7 days",
    "events",
    workout({ operator: "not_performed", window: { type: "last", amount: 7, unit: "days" } }),
    [12, 14, 15, 16],
  ],
  // kind: 11 run ×3, 12 walk, 13 run ×2, 15 swim; minutes 11: 30/45/20, 12: 60, 13: 10/50, 15: 25.
  [
    "property filter with a count",
    "events",
    workout({
      count: { operator: "at_least", value: 2 },
      where: [{ property: "kind", test: s("equals", { value: "RUN" }) }],
    }),
    [11, 13],
  ],
  [
    "property filter on a number",
    "events",
    workout({ where: [{ property: "minutes", test: n("gt", { value: 40 }) }] }),
    [11, 12, 13],
  ],
  [
    "several property filters all hold on one event",
    "events",
    workout({
      where: [
        { property: "minutes", test: n("gte", { value: 50 }) },
        { property: "kind", test: s("equals", { value: "run" }) },
      ],
    }),
    [13],
  ],
  // $any reads the daily rollup: today (03-18) 11 worked out and 14 logged in.
  [
    "any event today",
    "events",
    { type: "event", event: "$any", operator: "performed", window: { type: "last", amount: 1, unit: "days" } },
    [11, 14],
  ],
  [
    "any event: not in the last 30 days",
    "events",
    { type: "event", event: "$any", operator: "not_performed", window: { type: "last", amount: 30, unit: "days" } },
    [16],
  ],
  // first workout days ago: 11 → 6 (03-12), 12 → 7, 13 → 67, 15 → 13. Last: 11 → 0, 12 → 7, 13 → 1, 15 → 13.
  [
    "first performed within the last 7 days",
    "events",
    { type: "event_time", event: "Workout Logged", which: "first", operator: "within_last", days: 7 },
    [11],
  ],
  [
    "first performed more than 7 days ago",
    "events",
    { type: "event_time", event: "Workout Logged", which: "first", operator: "more_than_ago", days: 7 },
    [12, 13, 15],
  ],
  [
    "last performed within the last 2 days",
    "events",
    { type: "event_time", event: "Workout Logged", which: "last", operator: "within_last", days: 2 },
    [11, 13],
  ],
  [
    "last performed more than 2 days ago",
    "events",
    { type: "event_time", event: "Workout Logged", which: "last", operator: "more_than_ago", days: 2 },
    [12, 15],
  ],
  [
    "last active more than 1 day ago",
    "events",
    { type: "event_time", event: "$any", which: "last", operator: "more_than_ago", days: 1 },
    [12, 13, 15],
  ],
];

const change = (direction: string, percent: number) => ({
  type: "frequency_change",
  event: "Box Ordered",
  windowDays: 30,
  direction,
  percent,
});
const FREQUENCY: Case[] = [
  // Box Ordered, previous 30 days (01-18 … 02-16 local) → last 30 days (02-17 … 03-18):
  // 21: 4 → 2 (−50 %); 22: 2 → 3 (+50 %; the 02-16 23:59 local order is previous); 23: 0 → 5; 24: 3 → 0.
  ["fell by at least 50 %", "frequency", change("fell", 50), [21, 24]],
  ["fell by at least 51 %", "frequency", change("fell", 51), [24]],
  ["fell by 100 %", "frequency", change("fell", 100), [24]],
  ["rose by at least 50 %", "frequency", change("rose", 50), [22]],
  ["rose by at least 51 %", "frequency", change("rose", 51), []],
];

const commerce = (measure: string, test: Record<string, unknown>) => ({ type: "commerce", measure, test });
const COMMERCE: Case[] = [
  // orders / revenue / last order local day (days ago): 31: 2 / 100 / 03-15 (3); 32: 1 / 19.90 / 03-17 (1);
  // 33: 0 / 0 / none; 34: 3 / 30 / 2025-12-01 (107).
  ["orders = 0", "commerce", commerce("orders", n("eq", { value: 0 })), [33]],
  ["orders ≥ 2 (a resent order counts once)", "commerce", commerce("orders", n("gte", { value: 2 })), [31, 34]],
  ["orders between 1 and 2", "commerce", commerce("orders", n("between", { min: 1, max: 2 })), [31, 32]],
  ["revenue > 25", "commerce", commerce("lifetime_revenue", n("gt", { value: 25 })), [31, 34]],
  ["revenue < 20", "commerce", commerce("lifetime_revenue", n("lt", { value: 20 })), [32, 33]],
  ["revenue = 19.9", "commerce", commerce("lifetime_revenue", n("eq", { value: 19.9 })), [32]],
  [
    "days since last order = 1 (local days)",
    "commerce",
    commerce("days_since_last_order", n("eq", { value: 1 })),
    [32],
  ],
  ["days since last order ≤ 3", "commerce", commerce("days_since_last_order", n("lte", { value: 3 })), [31, 32]],
  ["days since last order > 3", "commerce", commerce("days_since_last_order", n("gt", { value: 3 })), [34]],
  ["days since last order ≥ 107", "commerce", commerce("days_since_last_order", n("gte", { value: 107 })), [34]],
  [
    "days since last order between 2 and 200",
    "commerce",
    commerce("days_since_last_order", n("between", { min: 2, max: 200 })),
    [31, 34],
  ],
  ["days since last order ≠ 1", "commerce", commerce("days_since_last_order", n("neq", { value: 1 })), [31, 33, 34]],
  ["days since last order < 1", "commerce", commerce("days_since_last_order", n("lt", { value: 1 })), []],
  ["days since last order < 2.5", "commerce", commerce("days_since_last_order", n("lt", { value: 2.5 })), [32]],
];

const signup = (test: Record<string, unknown>) => ({ type: "signup", test });
const ONBOARDING: Case[] = [
  // Signed Up (first one) days ago: 41 17, 42 17, 43 7 (03-11 23:59 local), 44 6 (03-12 00:00 local); 45, 46 never.
  ["signed up within the last 7 days", "onboarding", signup(d("within_last", { days: 7 })), [44]],
  ["signed up within the last 8 days", "onboarding", signup(d("within_last", { days: 8 })), [43, 44]],
  ["signed up more than 7 days ago", "onboarding", signup(d("more_than_ago", { days: 7 })), [41, 42, 43]],
  ["signed up before", "onboarding", signup(d("before", { date: "2026-03-12" })), [41, 42, 43]],
  ["signed up after", "onboarding", signup(d("after", { date: "2026-03-11" })), [44]],
  ["signed up between", "onboarding", signup(d("between", { from: "2026-03-01", to: "2026-03-11" })), [41, 42, 43]],
  ["signed up at all", "onboarding", signup(d("is_set")), [41, 42, 43, 44]],
  ["never signed up", "onboarding", signup(d("is_not_set")), [45, 46]],
  ["activated", "onboarding", { type: "activated", value: true }, [41, 42, 44, 45]],
  ["not activated", "onboarding", { type: "activated", value: false }, [43, 46]],
  // 41: last step exactly 14 × 24 h after signup; 42: one second later; 44: a step before signup counts.
  ["onboarding complete", "onboarding", { type: "onboarding_complete", value: true }, [41, 44]],
  ["onboarding not complete", "onboarding", { type: "onboarding_complete", value: false }, [42, 43, 45, 46]],
];

const status = (s: string, period = "week") => ({ type: "lifecycle_status", status: s, period });
const LIFECYCLE: Case[] = [
  // P = 03-09 … 03-15, P−1 = 03-02 … 03-08. 51 first ever in P; 52 in P−1 and P; 53 in P after February;
  // 54 in P−1, not in P (this week's visit does not count); 55 Sunday 23:59 local in P after January;
  // 56 only an identify (no activity).
  ["new", "lifecycle", status("new"), [51]],
  ["returning", "lifecycle", status("returning"), [52]],
  ["resurrecting", "lifecycle", status("resurrecting"), [53, 55]],
  ["dormant", "lifecycle", status("dormant"), [54]],
  // Monthly: P = February, P−1 = January. 53 first active 02-10 → new; 55 active in January only → dormant.
  ["new this month-period", "lifecycle", status("new", "month"), [53]],
  ["dormant by month", "lifecycle", status("dormant", "month"), [55]],
];

const SUPPORT: Case[] = [
  // Latest valid NPS: 61 9, 62 6, 63 "7" (11 is not an answer), 64 none, 65 8.5 (not an answer).
  ["NPS promoter", "support", { type: "nps", band: "promoter" }, [61]],
  ["NPS passive", "support", { type: "nps", band: "passive" }, [63]],
  ["NPS detractor", "support", { type: "nps", band: "detractor" }, [62]],
  // Open (new/open/pending): 61 T1 open, 63 T4 pending.
  ["has an open ticket", "support", { type: "open_ticket", value: true }, [61, 63]],
  ["has no open ticket", "support", { type: "open_ticket", value: false }, [62, 64, 65]],
  // T1 created exactly 48 h before now; T4 1 h before.
  ["unresolved ticket older than 48 h", "support", { type: "unresolved_ticket_older_than", hours: 48 }, [61]],
  ["unresolved ticket older than 49 h", "support", { type: "unresolved_ticket_older_than", hours: 49 }, []],
  ["unresolved ticket older than 1 h", "support", { type: "unresolved_ticket_older_than", hours: 1 }, [61, 63]],
  // billing tickets, local day: 61 03-16; 62 03-10; 63 02-20; 64 03-12 00:00 and 03-11 23:59.
  [
    "a ticket in a category in the last 7 days",
    "support",
    { type: "tickets_in_category", category: "BILLING", days: 7 },
    [61, 64],
  ],
  [
    "2 tickets in a category in the last 8 days",
    "support",
    { type: "tickets_in_category", category: "billing", days: 8, count: { operator: "at_least", value: 2 } },
    [64],
  ],
  [
    "no ticket in a category in the last 7 days",
    "support",
    { type: "tickets_in_category", category: "billing", days: 7, count: { operator: "exactly", value: 0 } },
    [62, 63, 65],
  ],
  [
    "at most 1 ticket in the last 9 days",
    "support",
    { type: "tickets_in_category", category: "billing", days: 9, count: { operator: "at_most", value: 1 } },
    [61, 62, 63, 65],
  ],
  // Latest rated ticket by creation: 62 T2 → 2; 63 T5 → 4; 64 T6 (03-12 04:00Z, later than T7) → 1.
  ["last CSAT ≤ 2", "support", { type: "last_csat", test: n("lte", { value: 2 }) }, [62, 64]],
  ["last CSAT ≥ 4", "support", { type: "last_csat", test: n("gte", { value: 4 }) }, [63]],
  ["last CSAT ≠ 2 includes unrated", "support", { type: "last_csat", test: n("neq", { value: 2 }) }, [61, 63, 64, 65]],
  ["no CSAT", "support", { type: "last_csat", test: n("is_not_set") }, [61, 65]],
];

const plan = (value: string) => trait("plan", s("equals", { value }));
const atLeastIn = (times: number, amount: number, unit = "days") =>
  workout({ count: { operator: "at_least", value: times }, window: { type: "last", amount, unit } });
const GROUPS: Case[] = [
  // Windows on one event in one AND group share a scan; each window still counts only its own days.
  // 13 has 2 workouts in the last 70 days (01-10, 03-17) but 1 in the last 7; 11 has 3 in both.
  ["at least 2 in the last 70 days alone", "events", atLeastIn(2, 70), [11, 13]],
  [
    "AND of windows on one event: each window its own count",
    "events",
    { type: "group", combinator: "and", conditions: [atLeastIn(2, 70), atLeastIn(2, 7)] },
    [11],
  ],
  [
    "AND of windows in weeks, narrowest first",
    "events",
    { type: "group", combinator: "and", conditions: [atLeastIn(2, 1, "weeks"), atLeastIn(2, 10, "weeks")] },
    [11],
  ],
  [
    "AND of windows on one event beside another condition",
    "events",
    {
      type: "group",
      combinator: "and",
      conditions: [atLeastIn(3, 8), { ...workout(), event: "Logged In", operator: "not_performed" }, atLeastIn(2, 7)],
    },
    [11],
  ],
  [
    "OR",
    "traits",
    {
      type: "group",
      combinator: "or",
      conditions: [plan("basic"), trait("vip", { type: "boolean", operator: "is_true" })],
    },
    [1, 3, 6],
  ],
  ["NOT", "traits", { type: "group", combinator: "and", negate: true, conditions: [plan("pro")] }, [3, 4, 5, 6]],
  [
    "NOT of an OR inside an AND",
    "traits",
    {
      type: "group",
      combinator: "and",
      conditions: [
        trait("age", n("is_set")),
        {
          type: "group",
          combinator: "or",
          negate: true,
          conditions: [plan("basic"), trait("age", n("lt", { value: 20 }))],
        },
      ],
    },
    [1],
  ],
  [
    "an empty group matches everyone",
    "traits",
    { type: "group", combinator: "and", conditions: [] },
    [1, 2, 3, 4, 5, 6],
  ],
  [
    "a negated empty group matches nobody",
    "traits",
    { type: "group", combinator: "or", negate: true, conditions: [] },
    [],
  ],
  [
    "a quote in a trait name is only a name",
    "traits",
    trait("plan'); drop table customers; --", s("is_not_set")),
    [1, 2, 3, 4, 5, 6],
  ],
];

async function matching(db: Db, context: SegmentCompileContext, family: string, condition: unknown) {
  const rule = parseSegmentRule({
    type: "group",
    combinator: "and",
    conditions: [trait("family", s("equals", { value: family })), condition],
  });
  // Evaluated for some customers only (as ingest's refresh does), the caller restricts `c` to them.
  const only = onlyCustomers(sql`c.id`, context.onlyCustomers);
  const ids = await rows<{ id: number }>(db, sql`${await compileSegmentRule(rule, context)} ${only} order by 1`);
  return ids.map((r) => Number(r.id));
}

/** Every fixture event as ingest's batch would describe it (local day in the workspace zone). */
async function allEventsAsBatch(db: Db, context: SegmentCompileContext): Promise<BatchEvent[]> {
  const found = await rows<{ customer_id: number; type: string; name: string | null; day: string }>(
    db,
    sql`select e.customer_id, e.type, e.name, (e.timestamp at time zone ${context.timeZone}::text)::date::text as day
      from events e where e.workspace_id = ${context.workspaceId}`,
  );
  return found.map((r) => ({ customerId: Number(r.customer_id), type: r.type, name: r.name, day: r.day }));
}

describeEachDatabase("segment rule operators", ({ database }) => {
  let context: SegmentCompileContext;
  beforeAll(async () => {
    context = await buildSegmentFixture(database().db);
  });

  for (const [title, cases] of Object.entries({
    TRAITS,
    EVENTS,
    FREQUENCY,
    COMMERCE,
    ONBOARDING,
    LIFECYCLE,
    SUPPORT,
    GROUPS,
  })) {
    it.each(cases)(`${title}: %s`, async (_label, family, condition, expected) => {
      expect(await matching(database().db, context, family, condition)).toEqual(expected);
    });
  }

  // Ingest's refresh evaluates a rule for the customers a batch touched: each condition probes their own rows,
  // and a customer whose just-stored event shows "performed X in the window" is not looked up. Here every
  // fixture event plays the batch, and the customers are split by parity: each half must get exactly its share
  // of the full answer.
  for (const [title, cases] of Object.entries({
    TRAITS,
    EVENTS,
    FREQUENCY,
    COMMERCE,
    ONBOARDING,
    LIFECYCLE,
    SUPPORT,
    GROUPS,
  })) {
    it.each(cases)(
      `${title}, for half the customers after a batch: %s`,
      async (_label, family, condition, expected) => {
        const db = database().db;
        const all = await rows<{ id: number }>(
          db,
          sql`select id from customers where workspace_id = ${context.workspaceId}`,
        );
        const batchActivity = await allEventsAsBatch(db, context);
        for (const parity of [0, 1]) {
          const half = all.map((r) => Number(r.id)).filter((id) => id % 2 === parity);
          const narrowed = { ...context, onlyCustomers: half, batchActivity };
          expect(await matching(db, narrowed, family, condition), `ids with parity ${parity}`).toEqual(
            expected.filter((id) => id % 2 === parity),
          );
        }
      },
    );
  }

  it("the same events read in UTC land on other days", async () => {
    const utc = { ...context, timeZone: "UTC" };
    const db = database().db;
    // 12's workout at 03-12 03:59Z is 03-12 in UTC: inside the last 7 days there.
    expect(await matching(db, utc, "events", workout({ window: { type: "last", amount: 7, unit: "days" } }))).toEqual([
      11, 12, 13,
    ]);
    // 32's order at 03-18 03:59Z is today in UTC: 0 days ago, not 1.
    expect(await matching(db, utc, "commerce", commerce("days_since_last_order", n("eq", { value: 0 })))).toEqual([32]);
    // 22's 02-17 04:59Z order is on 02-17 in UTC, so in the last 30 days: 1 → 4 (+300 %) instead of 2 → 3.
    expect(await matching(db, utc, "frequency", change("rose", 51))).toEqual([22]);
  });

  it("without a signup event, signup is the first event of any kind", async () => {
    const db = database().db;
    const noSignupEvent = { ...context, settings: { ...context.settings, signupEvent: null } };
    // First events: 41, 42 03-01; 43 03-12 03:59Z (03-11 local); 44 03-11 12:00Z; 45 01-05; 46 none.
    expect(await matching(db, noSignupEvent, "onboarding", signup(d("before", { date: "2026-03-01" })))).toEqual([45]);
    expect(await matching(db, noSignupEvent, "onboarding", signup(d("within_last", { days: 8 })))).toEqual([43, 44]);
    expect(await matching(db, noSignupEvent, "onboarding", signup(d("is_not_set")))).toEqual([46]);
  });
});
