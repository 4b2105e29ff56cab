import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { activeCustomerCounts, spanOf } from "@/lib/metrics/kpis/active-customers";
import { monthlyChurnRates } from "@/lib/metrics/kpis/ltv";
import { mrrStats } from "@/lib/metrics/kpis/mrr";
import { addDays, type DateRange, type LocalDate } from "@/lib/metrics/kpis/period";
import { hasSubscriptions } from "@/lib/metrics/kpis/subscriptions";
import { saveMetricSettings } from "@/lib/metrics/save-settings";
import { DEFAULT_METRIC_SETTINGS, loadMetricContext, type MetricContext } from "@/lib/metrics/settings";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildSubscriptionSpans } from "./subscriptions";

const DAY = 86_400_000;
const ORIGIN = Date.parse("2026-01-01T00:00:00Z");

async function newWorkspace(db: Db, name: string): Promise<string> {
  const [w] = await db.insert(workspaces).values({ name, timeZone: "UTC" }).returning({ id: workspaces.id });
  return w!.id;
}

async function ingest(db: Db, workspaceId: string, batch: readonly unknown[]) {
  const outcome = await ingestBatch(
    db,
    { workspaceId, sourceId: null },
    batch.map((raw) => ({ raw })),
  );
  expect(outcome.rejected).toEqual([]);
}

/** An instant as an ISO string, the same from both drivers (PGlite returns text, node-postgres a Date). */
const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column}`);

async function spanRows(db: Db, workspaceId: string) {
  return rows<Record<string, unknown>>(
    db,
    sql`select customer_id::int, ${iso("valid_from")}, event_id::int, ${iso("valid_to")}, active, mrr::text,
               previous_mrr::text, paid_before, ${iso("first_at")}
        from subscription_spans where workspace_id = ${workspaceId}
        order by customer_id, subscription_spans.valid_from, event_id`,
  );
}

// ── Reference: METRICS.md "MRR" and "Customer churn rate" over the raw subscription events, in TypeScript ──

type SubscriptionEvent = { customer: number; id: number; at: number; active: boolean; mrr: number };

function numberOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** Every subscription event of a counted (not merged-away) customer, in (timestamp, id) order. */
async function subscriptionEvents(db: Db, context: MetricContext): Promise<SubscriptionEvent[]> {
  const { started, changed, renewed, cancelled } = context.settings.subscription;
  const raw = await rows<{
    customer_id: number | string;
    id: number | string;
    timestamp: Date | string;
    name: string;
    properties: Record<string, unknown>;
  }>(
    db,
    sql`select e.customer_id, e.id, e.timestamp, e.name, e.properties
        from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
        where e.workspace_id = ${context.workspaceId} and c.merged_into is null and e.type = 'track'
          and e.name in (${started}, ${changed}, ${renewed}, ${cancelled})`,
  );
  return raw
    .map((r) => {
      const p = r.properties;
      const amount = numberOf(p.amount);
      const mrr =
        r.name === cancelled
          ? 0
          : (numberOf(p.mrr) ?? (amount === null ? null : amount / (p.interval === "year" ? 12 : 1)) ?? 0);
      return {
        customer: Number(r.customer_id),
        id: Number(r.id),
        at: new Date(r.timestamp).getTime(),
        active: r.name !== cancelled,
        mrr,
      };
    })
    .sort((a, b) => a.customer - b.customer || a.at - b.at || a.id - b.id);
}

function byCustomer(events: readonly SubscriptionEvent[]): SubscriptionEvent[][] {
  const groups = new Map<number, SubscriptionEvent[]>();
  for (const e of events) groups.set(e.customer, [...(groups.get(e.customer) ?? []), e]);
  return [...groups.values()];
}

/** The customer's latest subscription event before instant t. */
function stateAt(history: readonly SubscriptionEvent[], t: number): SubscriptionEvent | undefined {
  return history.filter((e) => e.at < t).at(-1);
}

/** The spans by METRICS.md alone: a new one whenever an event changes (active, MRR); renewals extend it. */
function referenceSpans(events: readonly SubscriptionEvent[]) {
  return byCustomer(events).flatMap((history) => {
    const starts = history.filter(
      (e, i) => i === 0 || e.active !== history[i - 1]!.active || e.mrr !== history[i - 1]!.mrr,
    );
    return starts.map((e, i) => ({
      customer: e.customer,
      validFrom: new Date(e.at).toISOString(),
      eventId: e.id,
      validTo: i + 1 < starts.length ? new Date(starts[i + 1]!.at).toISOString() : null,
      active: e.active,
      mrr: e.mrr,
      previousMrr: i === 0 ? 0 : starts[i - 1]!.mrr,
      paidBefore: starts.slice(0, i).some((x) => x.mrr > 0),
      firstAt: new Date(history[0]!.at).toISOString(),
    }));
  });
}

/** spanRows in referenceSpans' shape (numbers for the numeric columns). */
async function storedSpans(db: Db, workspaceId: string) {
  return (await spanRows(db, workspaceId)).map((r) => ({
    customer: Number(r.customer_id),
    validFrom: r.valid_from,
    eventId: Number(r.event_id),
    validTo: r.valid_to,
    active: r.active,
    mrr: Number(r.mrr),
    previousMrr: Number(r.previous_mrr),
    paidBefore: r.paid_before,
    firstAt: r.first_at,
  }));
}

const instant = (day: LocalDate) => Date.parse(`${day}T00:00:00Z`);

function referenceMrr(events: readonly SubscriptionEvent[], period: DateRange) {
  const start = instant(period.from);
  const end = instant(addDays(period.to, 1));
  const histories = byCustomer(events);
  const mrrAt = (t: number) => histories.reduce((sum, h) => sum + (stateAt(h, t)?.mrr ?? 0), 0);
  const movements = { new: 0, reactivation: 0, expansion: 0, contraction: 0, churn: 0 };
  for (const h of histories) {
    h.forEach((e, i) => {
      if (e.at < start || e.at >= end) return;
      const previous = i === 0 ? 0 : h[i - 1]!.mrr;
      const paidBefore = h.slice(0, i).some((x) => x.mrr > 0);
      if (previous === 0 && e.mrr > 0) movements[paidBefore ? "reactivation" : "new"] += e.mrr;
      else if (previous > 0 && e.mrr === 0) movements.churn += previous;
      else if (previous > 0 && e.mrr > previous) movements.expansion += e.mrr - previous;
      else if (e.mrr > 0 && e.mrr < previous) movements.contraction += previous - e.mrr;
    });
  }
  return {
    startMrr: mrrAt(start),
    endMrr: mrrAt(end),
    payingCustomers: histories.filter((h) => (stateAt(h, end)?.mrr ?? 0) > 0).length,
    movements,
  };
}

function referenceActive(events: readonly SubscriptionEvent[], span: { start: LocalDate; end: LocalDate }) {
  const a = instant(span.start);
  const b = instant(span.end);
  const histories = byCustomer(events);
  const activeAt = (h: readonly SubscriptionEvent[], t: number) => stateAt(h, t)?.active === true;
  return {
    startActive: histories.filter((h) => activeAt(h, a)).length,
    endActive: histories.filter((h) => activeAt(h, b)).length,
    retained: histories.filter((h) => activeAt(h, a) && activeAt(h, b)).length,
    acquired: histories.filter((h) => h[0]!.at >= a && h[0]!.at < b).length,
  };
}

// ── Random subscription streams through the real ingest path ──

const USERS = ["u1", "u2", "u3", "u4", "u5", "u6"];
const ANONS = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"];
const KINDS = ["Started", "Changed", "Changed", "Renewed", "Renewed", "Renewed", "Cancelled"] as const;
/** MRR 20 four ways (number, string, annual amount, monthly amount), so renewals often change nothing. */
const PRICES: Record<string, unknown>[] = [
  { mrr: 10 },
  { mrr: 20 },
  { mrr: "20" },
  { amount: 240, interval: "year" },
  { amount: 20, interval: "month" },
  { mrr: 0 },
  { amount: 600, interval: "year" },
  {},
];

function randomBatches(seed: number): unknown[][] {
  const random = new Random(seed);
  const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)]!;
  const batches: unknown[][] = [];
  const used: string[] = [];
  let n = 0;
  for (let b = 0; b < 14; b++) {
    const batch: unknown[] = [];
    for (let i = random.int(1, 20); i > 0; i--) {
      n++;
      // Whole days and noons: many events share a timestamp (ties by arrival) or fall exactly on a period
      // boundary; batches are in no time order (late arrivals).
      const fresh = new Date(ORIGIN + random.int(0, 120) * DAY + (random.next() < 0.5 ? 0 : DAY / 2)).toISOString();
      const timestamp = used.length > 0 && random.next() < 0.25 ? pick(used) : fresh;
      used.push(timestamp);
      const hasUser = random.next() < 0.6;
      const who = {
        ...(hasUser ? { userId: pick(USERS) } : {}),
        ...(!hasUser || random.next() < 0.4 ? { anonymousId: pick(ANONS) } : {}),
      };
      const base = { messageId: `s${seed}-${n}`, timestamp, ...who };
      const roll = random.next();
      if (roll < 0.08) batch.push({ ...base, type: "identify", userId: pick(USERS), anonymousId: pick(ANONS) });
      else if (roll < 0.13) batch.push({ ...base, type: "alias", userId: pick(USERS), previousId: pick(ANONS) });
      else if (roll < 0.25) batch.push({ ...base, type: "track", event: "Logged In" });
      else {
        const kind = pick(KINDS);
        batch.push({ ...base, type: "track", event: `Subscription ${kind}`, properties: { ...pick(PRICES) } });
      }
    }
    batches.push(batch);
    // A batch of identifies and aliases only: merges move subscription events onto a survivor that gets no
    // new subscription event of its own, so only the merge path (changes.rebuild) can keep its spans.
    if (b % 3 === 1) {
      batches.push(
        [1, 2].map((k) => ({
          messageId: `s${seed}-m${b}-${k}`,
          timestamp: new Date(ORIGIN + random.int(0, 120) * DAY).toISOString(),
          type: k === 1 ? "identify" : "alias",
          userId: pick(USERS),
          ...(k === 1 ? { anonymousId: pick(ANONS) } : { previousId: pick(ANONS) }),
        })),
      );
    }
  }
  return batches;
}

const WEEKS: DateRange[] = Array.from({ length: 18 }, (_, i) => ({
  from: addDays("2026-01-05", 7 * i),
  to: addDays("2026-01-05", 7 * i + 6),
}));
const MONTHS: DateRange[] = [
  { from: "2026-01-01", to: "2026-01-31" },
  { from: "2026-02-01", to: "2026-02-28" },
  { from: "2026-03-01", to: "2026-03-31" },
  { from: "2026-04-01", to: "2026-04-30" },
  { from: "2026-05-01", to: "2026-05-31" },
];
/** Out of order and overlapping, as computeKpis's current and previous periods and LTV's months can be. */
const OVERLAPPING: DateRange[] = [
  { from: "2026-02-10", to: "2026-03-11" },
  { from: "2026-01-11", to: "2026-02-09" },
  { from: "2026-01-20", to: "2026-04-19" },
  { from: "2025-12-01", to: "2025-12-31" },
];

describeEachDatabase("subscription_spans equal the subscription events they summarise", ({ database }) => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random subscription stream #${seed}: ingest keeps the spans, the KPIs read them exactly`, async () => {
      const db = database().db;
      const workspaceId = await newWorkspace(db, `spans ${seed}`);
      const batches = randomBatches(seed);
      const context = await loadMetricContext(db, workspaceId);
      for (const [b, batch] of batches.entries()) {
        await ingest(db, workspaceId, batch);
        // A client retrying after a timeout: nothing new is stored, nothing may change.
        if (b % 4 === 3) await ingest(db, workspaceId, batches[b - 1]!);
        // After every batch, not only at the end: a later batch recomputing a customer would hide a miss.
        expect(await storedSpans(db, workspaceId)).toEqual(referenceSpans(await subscriptionEvents(db, context)));
      }

      const incremental = await spanRows(db, workspaceId);
      await rebuildSubscriptionSpans(db, context);
      expect(incremental).toEqual(await spanRows(db, workspaceId));

      const events = await subscriptionEvents(db, context);
      // The stream exercised what the spans fold and what the merge path rebuilds.
      const [shape] = await rows<{ merged: number }>(
        db,
        sql`select count(*)::int as merged from customers where workspace_id = ${workspaceId} and merged_into is not null`,
      );
      expect(shape!.merged).toBeGreaterThan(0);
      expect(events.some((e, i) => i > 0 && events[i - 1]!.customer === e.customer && events[i - 1]!.at === e.at)).toBe(
        true,
      );
      expect(incremental.length).toBeGreaterThan(0);
      expect(incremental.length).toBeLessThan(events.length);
      expect(await hasSubscriptions(db, context)).toBe(true);

      for (const periods of [WEEKS, MONTHS, OVERLAPPING]) {
        expect(await mrrStats(db, context, periods)).toEqual(periods.map((p) => referenceMrr(events, p)));
        const spans = periods.map(spanOf);
        const { basis, counts } = await activeCustomerCounts(db, context, spans);
        expect(basis).toBe("subscription");
        expect(counts).toEqual(spans.map((s) => referenceActive(events, s)));
      }
      const months = ["2026-03-01", "2026-01-01", "2026-02-01", "2026-01-01"];
      const churn = await monthlyChurnRates(db, context, months);
      for (const month of months) {
        const c = referenceActive(events, { start: month, end: addDays(month, month === "2026-02-01" ? 28 : 31) });
        expect(churn.get(month)).toBe(c.startActive === 0 ? null : (c.startActive - c.retained) / c.startActive);
      }
    });
  }

  it("folds renewals into one span and orders a tie by arrival (hand-worked)", async () => {
    const db = database().db;
    const workspaceId = await newWorkspace(db, "hand-worked spans");
    const track = (n: number, event: string, at: string, properties: Record<string, unknown> = {}) => ({
      type: "track",
      messageId: `h${n}`,
      userId: "ada",
      event: `Subscription ${event}`,
      timestamp: at,
      properties,
    });
    // Arrives out of order: the March change comes in the second batch, after April's events.
    await ingest(db, workspaceId, [
      track(1, "Started", "2026-01-01T00:00:00Z", { mrr: 10 }),
      track(2, "Renewed", "2026-02-01T00:00:00Z", { mrr: 10 }),
      track(3, "Renewed", "2026-04-01T00:00:00Z", { amount: 240, interval: "year" }),
      // Same instant as the renewal before it, stored after it: the cancellation wins the tie.
      track(4, "Cancelled", "2026-04-01T00:00:00Z"),
      track(5, "Started", "2026-05-01T00:00:00Z", { mrr: 20 }),
    ]);
    await ingest(db, workspaceId, [track(6, "Changed", "2026-03-01T00:00:00Z", { mrr: "20" })]);
    const context = await loadMetricContext(db, workspaceId);
    const at = (instant: string) => new Date(instant).toISOString();
    const spans = (await spanRows(db, workspaceId)).map(({ customer_id, event_id, ...rest }) => rest);
    // 10 from 01-01 (the 02-01 renewal extends it), 20 from 03-01 (the 04-01 annual renewal at 240 / 12 = 20
    // extends it), cancelled at 04-01 (0), back at 20 on 05-01 (a reactivation: it paid before).
    expect(spans).toEqual([
      {
        valid_from: at("2026-01-01T00:00:00Z"),
        valid_to: at("2026-03-01T00:00:00Z"),
        active: true,
        mrr: "10",
        previous_mrr: "0",
        paid_before: false,
        first_at: at("2026-01-01T00:00:00Z"),
      },
      {
        valid_from: at("2026-03-01T00:00:00Z"),
        valid_to: at("2026-04-01T00:00:00Z"),
        active: true,
        mrr: "20",
        previous_mrr: "10",
        paid_before: true,
        first_at: at("2026-01-01T00:00:00Z"),
      },
      {
        valid_from: at("2026-04-01T00:00:00Z"),
        valid_to: at("2026-05-01T00:00:00Z"),
        active: false,
        mrr: "0",
        previous_mrr: "20",
        paid_before: true,
        first_at: at("2026-01-01T00:00:00Z"),
      },
      {
        valid_from: at("2026-05-01T00:00:00Z"),
        valid_to: null,
        active: true,
        mrr: "20",
        previous_mrr: "0",
        paid_before: true,
        first_at: at("2026-01-01T00:00:00Z"),
      },
    ]);
    // At 04-01T00:00Z itself the 20 span still holds (its successor starts at that instant, not before it).
    const [march, april, may] = await mrrStats(db, context, MONTHS.slice(2));
    expect(march).toMatchObject({ startMrr: 10, endMrr: 20, movements: { expansion: 10 } });
    expect(april).toMatchObject({ startMrr: 20, endMrr: 0, payingCustomers: 0, movements: { churn: 20 } });
    expect(may).toMatchObject({ startMrr: 0, endMrr: 20, movements: { new: 0, reactivation: 20 } });
  });

  it("rebuilds the spans when the subscription event names change in settings", async () => {
    const db = database().db;
    const workspaceId = await newWorkspace(db, "renamed subscription events");
    const plan = (n: number, event: string, at: string, properties: Record<string, unknown> = {}) => ({
      type: "track",
      messageId: `r${n}`,
      userId: `p${n % 2}`,
      event,
      timestamp: at,
      properties,
    });
    await ingest(db, workspaceId, [
      plan(1, "Plan Bought", "2026-01-10T00:00:00Z", { mrr: 30 }),
      plan(2, "Plan Bought", "2026-01-12T00:00:00Z", { mrr: 15 }),
      plan(3, "Plan Ended", "2026-02-10T00:00:00Z"),
    ]);
    const before = await loadMetricContext(db, workspaceId);
    expect(await hasSubscriptions(db, before)).toBe(false);
    expect(await spanRows(db, workspaceId)).toEqual([]);

    await saveMetricSettings(db, workspaceId, null, {
      ...DEFAULT_METRIC_SETTINGS,
      timeZone: "UTC",
      subscription: {
        started: "Plan Bought",
        changed: "Plan Changed",
        renewed: "Plan Renewed",
        cancelled: "Plan Ended",
      },
    });
    const after = await loadMetricContext(db, workspaceId);
    expect(await hasSubscriptions(db, after)).toBe(true);
    // p1 bought at 30 and ended on 02-10 (message r3 is p1's); p0 bought at 15 and keeps it.
    const [february] = await mrrStats(db, after, [{ from: "2026-02-01", to: "2026-02-28" }]);
    expect(february).toEqual({
      startMrr: 45,
      endMrr: 15,
      payingCustomers: 1,
      movements: { new: 0, reactivation: 0, expansion: 0, contraction: 0, churn: 30 },
    });
    // A later event under the new names is kept by ingest.
    await ingest(db, workspaceId, [plan(5, "Plan Changed", "2026-03-05T00:00:00Z", { mrr: 25 })]);
    const [march] = await mrrStats(db, after, [{ from: "2026-03-01", to: "2026-03-31" }]);
    // p1 was at 0 (ended) and pays 25 again: a reactivation; p0 keeps 15.
    expect(march).toMatchObject({ startMrr: 15, endMrr: 40, movements: { expansion: 0, reactivation: 25 } });
  });
});
