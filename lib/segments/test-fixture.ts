import type { Db } from "@/lib/db/client";
import { loadMetricContext } from "@/lib/metrics/settings";
import { upsertTickets } from "@/lib/tickets/upsert";
import { buildMetricFixture, type FixtureCustomer, type FixtureEvent } from "@/test/metrics-fixture";
import type { SegmentCompileContext } from "./context";

/**
 * Hand-built customers for the segment operator tables, in families (the `family` trait) so each case can
 * be scoped to a few customers. Workspace zone America/New_York (UTC−5, UTC−4 from 2026-03-08); "now" is
 * Wednesday 2026-03-18 12:00 there (16:00Z), so today = 2026-03-18, and local midnight of a March day after
 * the 8th is 04:00Z. Timestamps marked "edge" sit one minute either side of a local midnight: read in UTC they
 * would land on another day, which the cases check.
 */
export const NOW = new Date("2026-03-18T16:00:00Z");
export const TIME_ZONE = "America/New_York";

const family = (name: string, ids: number[], traits: Record<number, Record<string, unknown>> = {}) =>
  ids.map((id) => ({ id, traits: { family: name, ...(traits[id] ?? {}) } }));

const CUSTOMERS: FixtureCustomer[] = [
  ...family("traits", [1, 2, 3, 4, 5, 6], {
    1: { plan: "Pro", age: 34, vip: true, renewal: "2026-03-20", last_login: "2026-03-12T02:30:00Z" },
    2: { plan: "pro", age: "19.5", vip: "false", renewal: "2026-02-28", last_login: "2026-03-12T10:00:00" },
    3: { plan: "Basic", age: 50, vip: false, renewal: "2026-02-31", last_login: "2026-03-12T04:30:00+01:00" },
    4: { age: "old", renewal: "not a date" },
    5: { plan: "", age: null, renewal: "2026-03-18" },
    6: { plan: 42, vip: "TRUE", renewal: "2026-03-12" },
  }),
  // Merged into 1: matches nothing, whatever its traits say.
  { id: 7, traits: { family: "traits", plan: "pro", age: 34, vip: true }, mergedInto: 1 },
  ...family("events", [11, 12, 13, 14, 15, 16]),
  ...family("frequency", [21, 22, 23, 24]),
  ...family("commerce", [31, 32, 33, 34]),
  ...family("onboarding", [41, 42, 43, 44, 45, 46]),
  ...family("lifecycle", [51, 52, 53, 54, 55, 56]),
  ...family("support", [61, 62, 63, 64, 65]),
];

const workout = (customer: number, at: string, kind: string, minutes: number): FixtureEvent => ({
  customer,
  at,
  name: "Workout Logged",
  properties: { kind, minutes },
});
const box = (customer: number, at: string): FixtureEvent => ({ customer, at, name: "Box Ordered" });
const order = (customer: number, at: string, orderId: string, revenue: unknown): FixtureEvent => ({
  customer,
  at,
  name: "Order Completed",
  properties: { order_id: orderId, revenue },
});
const named = (customer: number, name: string, at: string): FixtureEvent => ({ customer, at, name });
const nps = (customer: number, at: string, score: unknown): FixtureEvent => ({
  customer,
  at,
  name: "NPS Submitted",
  properties: { score },
});

const EVENTS: FixtureEvent[] = [
  // events: "within the last 7 days" = local 03-12 00:00 (04:00Z) … 03-18 end.
  workout(11, "2026-03-12T04:00:00Z", "run", 30), // edge: the window's first minute
  workout(11, "2026-03-15T12:00:00Z", "run", 45),
  workout(11, "2026-03-18T15:00:00Z", "run", 20),
  workout(12, "2026-03-12T03:59:00Z", "walk", 60), // edge: 03-11 23:59 local, 7 days ago
  workout(13, "2026-03-17T12:00:00Z", "run", 10),
  workout(13, "2026-01-10T12:00:00Z", "run", 50),
  named(14, "Logged In", "2026-03-18T12:00:00Z"),
  workout(15, "2026-03-05T12:00:00Z", "swim", 25),
  // frequency: last 30 days = local 02-17 … 03-18 (02-17 00:00 EST = 05:00Z); the 30 before = 01-18 … 02-16.
  box(21, "2026-01-20T15:00:00Z"),
  box(21, "2026-01-25T15:00:00Z"),
  box(21, "2026-02-01T15:00:00Z"),
  box(21, "2026-02-10T15:00:00Z"),
  box(21, "2026-02-20T15:00:00Z"),
  box(21, "2026-03-01T15:00:00Z"),
  box(22, "2026-02-01T15:00:00Z"),
  box(22, "2026-02-17T04:59:00Z"), // edge: 02-16 23:59 local, previous window
  box(22, "2026-02-17T05:00:00Z"), // edge: 02-17 00:00 local, last window
  box(22, "2026-03-10T15:00:00Z"),
  box(22, "2026-03-15T15:00:00Z"),
  ...[1, 2, 3, 4, 5].map((d) => box(23, `2026-03-0${d}T15:00:00Z`)),
  box(24, "2026-02-01T15:00:00Z"),
  box(24, "2026-02-05T15:00:00Z"),
  box(24, "2026-02-10T15:00:00Z"),
  // commerce (orders unique by order_id; last_order_at is the latest purchase event)
  order(31, "2026-02-01T15:00:00Z", "B", 60),
  order(31, "2026-03-16T03:30:00Z", "A", 40), // 03-15 23:30 local: 3 days ago
  order(31, "2026-03-16T03:31:00Z", "A", 40), // the same order sent again
  order(32, "2026-03-18T03:59:00Z", "C", "19.90"), // edge: 03-17 23:59 local, 1 day ago (0 in UTC)
  order(34, "2025-12-01T15:00:00Z", "D", 10),
  order(34, "2025-12-01T16:00:00Z", "E", 10),
  order(34, "2025-12-01T17:00:00Z", "F", 10),
  // onboarding: default settings (Signed Up; First Box Customized activates; 3 steps within 14 days)
  named(41, "Signed Up", "2026-03-01T15:00:00Z"),
  named(41, "Profile Completed", "2026-03-02T15:00:00Z"),
  named(41, "Preferences Set", "2026-03-03T15:00:00Z"),
  named(41, "First Box Customized", "2026-03-15T15:00:00Z"), // exactly signup + 14 × 24 h
  named(42, "Signed Up", "2026-03-01T15:00:00Z"),
  named(42, "Profile Completed", "2026-03-02T15:00:00Z"),
  named(42, "Preferences Set", "2026-03-03T15:00:00Z"),
  named(42, "First Box Customized", "2026-03-15T15:00:01Z"), // one second late
  named(43, "Signed Up", "2026-03-12T03:59:00Z"), // edge: 03-11 23:59 local, 7 days ago
  named(44, "Profile Completed", "2026-03-11T12:00:00Z"), // before signup: still counts
  named(44, "Signed Up", "2026-03-12T04:00:00Z"), // edge: 03-12 00:00 local, 6 days ago
  named(44, "Preferences Set", "2026-03-13T12:00:00Z"),
  named(44, "First Box Customized", "2026-03-13T13:00:00Z"),
  named(44, "Signed Up", "2026-03-14T12:00:00Z"), // a second signup: the first one counts
  named(45, "First Box Customized", "2026-01-05T12:00:00Z"),
  // lifecycle, weekly: current week from Mon 03-16; last complete P = 03-09 … 03-15; P−1 = 03-02 … 03-08.
  named(51, "Logged In", "2026-03-10T15:00:00Z"),
  named(52, "Logged In", "2026-03-04T15:00:00Z"),
  named(52, "Logged In", "2026-03-12T15:00:00Z"),
  named(53, "Logged In", "2026-02-10T15:00:00Z"),
  named(53, "Logged In", "2026-03-11T15:00:00Z"),
  named(54, "Logged In", "2026-03-05T15:00:00Z"),
  named(54, "Logged In", "2026-03-17T15:00:00Z"), // the running week does not count
  named(55, "Logged In", "2026-01-01T15:00:00Z"),
  named(55, "Logged In", "2026-03-16T03:59:00Z"), // edge: Sunday 03-15 23:59 local, in P
  { customer: 56, at: "2026-03-10T15:00:00Z", type: "identify" }, // not activity
  // support: NPS answers (latest valid one counts)
  nps(61, "2026-01-10T15:00:00Z", 3),
  nps(61, "2026-03-01T15:00:00Z", 9),
  nps(62, "2026-01-10T15:00:00Z", 9),
  nps(62, "2026-03-01T15:00:00Z", 6),
  nps(63, "2026-03-01T15:00:00Z", "7"),
  nps(63, "2026-03-05T15:00:00Z", 11), // not an answer
  nps(65, "2026-03-01T15:00:00Z", 8.5), // not an answer
];

const ticket = (customer: number | null, externalId: string, fields: Record<string, unknown>) => ({
  externalId,
  ...(customer === null ? { email: "stranger@example.org" } : { userId: `user_${customer}` }),
  channel: "email",
  ...fields,
});

const TICKETS = [
  ticket(61, "T1", { status: "open", category: "Billing", createdAt: "2026-03-16T16:00:00Z" }), // 48 h before now
  ticket(62, "T2", { status: "solved", category: "billing", createdAt: "2026-03-10T15:00:00Z", satisfactionRating: 2 }),
  ticket(62, "T3", {
    status: "closed",
    category: "Shipping",
    createdAt: "2026-02-01T15:00:00Z",
    satisfactionRating: 5,
  }),
  ticket(63, "T4", { status: "pending", category: "Shipping", createdAt: "2026-03-18T15:00:00Z" }),
  ticket(63, "T5", { status: "solved", category: "billing", createdAt: "2026-02-20T12:00:00Z", satisfactionRating: 4 }),
  ticket(64, "T6", { status: "solved", category: "billing", createdAt: "2026-03-12T04:00:00Z", satisfactionRating: 1 }),
  ticket(64, "T7", { status: "solved", category: "billing", createdAt: "2026-03-12T03:59:00Z", satisfactionRating: 3 }),
  ticket(null, "T8", { status: "open", category: "billing", createdAt: "2026-03-17T15:00:00Z" }),
];

/** Builds the workspace (events through the rollup path, tickets through the ticket upsert) and its context. */
export async function buildSegmentFixture(db: Db): Promise<SegmentCompileContext> {
  const workspaceId = await buildMetricFixture(db, { timeZone: TIME_ZONE, customers: CUSTOMERS, events: EVENTS });
  const outcome = await upsertTickets(
    db,
    { workspaceId, sourceId: null },
    TICKETS.map((raw) => ({ raw, sizeBytes: JSON.stringify(raw).length })),
    { receivedAt: NOW },
  );
  if (outcome.rejected.length > 0) throw new Error(`fixture tickets rejected: ${JSON.stringify(outcome.rejected)}`);
  return { ...(await loadMetricContext(db, workspaceId)), now: NOW };
}
