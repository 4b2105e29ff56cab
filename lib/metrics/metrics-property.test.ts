import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { rebuildActivityRollups } from "@/lib/ingest/rollup";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { buildMetricFixture, type FixtureEvent } from "@/test/metrics-fixture";
import { computeLifecycle, type LifecycleQuery } from "./lifecycle";
import { addPeriods, isComplete, localDate, type Period, periodStart, periodStarts, periodsBetween } from "./periods";
import { computeRetention } from "./retention";
import type { RetentionQuery } from "./retention-query";

// Property: for random event streams, the rollup-based cohort and lifecycle answers equal a straightforward
// computation over the raw events written from METRICS.md alone (no SQL, no rollup).

const now = new Date("2026-02-04T12:00:00Z");
const NAMES = ["Logged In", "Order Completed", "Signed Up"];
const TYPES = ["track", "track", "page", "identify"] as const;

function randomStream(seed: number, customers: number): FixtureEvent[] {
  const random = new Random(seed);
  const start = Date.parse("2025-10-20T00:00:00Z");
  const span = now.getTime() - start;
  const events: FixtureEvent[] = [];
  for (let c = 1; c <= customers; c++) {
    const n = random.int(1, 14);
    for (let i = 0; i < n; i++) {
      const type = TYPES[random.int(0, TYPES.length - 1)] ?? "track";
      events.push({
        customer: c,
        at: new Date(start + Math.floor(random.next() * span)).toISOString(),
        type,
        name: NAMES[random.int(0, NAMES.length - 1)],
      });
    }
  }
  return events;
}

type Occurrence = { customer: number; period: string };

function matches(e: FixtureEvent, event: string, anyKind: boolean) {
  const type = e.type ?? "track";
  if (event === "$any") return anyKind || type !== "identify";
  return type !== "identify" && e.name === event;
}

function occurrences(events: FixtureEvent[], tz: string, period: Period, event: string, anyKind: boolean) {
  const seen = new Map<string, Occurrence>();
  for (const e of events) {
    if (!matches(e, event, anyKind)) continue;
    const p = periodStart(localDate(new Date(e.at), tz), period);
    seen.set(`${e.customer}|${p}`, { customer: e.customer, period: p });
  }
  return [...seen.values()];
}

function referenceRetention(events: FixtureEvent[], tz: string, q: RetentionQuery) {
  const today = localDate(now, tz);
  const todayPeriod = periodStart(today, q.period);
  const rangeStart = periodStart(q.from, q.period);
  const rangeEnd = addPeriods(periodStart(q.to, q.period), q.period, 1);
  const starts = occurrences(events, tz, q.period, q.startEvent, true);
  const returns = occurrences(events, tz, q.period, q.returnEvent, false).filter((o) => o.period <= todayPeriod);
  const members: Occurrence[] = [];
  if (q.mode === "first_time") {
    const first = new Map<number, string>();
    for (const s of starts)
      if (!first.has(s.customer) || s.period < (first.get(s.customer) as string)) first.set(s.customer, s.period);
    for (const [customer, period] of first)
      if (period >= rangeStart && period < rangeEnd) members.push({ customer, period });
  } else {
    members.push(...starts.filter((s) => s.period >= rangeStart && s.period < rangeEnd));
  }
  return periodStarts(q.from, q.to, q.period)
    .filter((c) => c <= todayPeriod)
    .map((c) => {
      const cohort = members.filter((m) => m.period === c);
      const values = Array.from({ length: periodsBetween(c, todayPeriod, q.period) + 1 }, (_, k) => {
        if (k === 0) return cohort.length;
        const target = addPeriods(c, q.period, k);
        return cohort.filter((m) =>
          returns.some((r) => r.customer === m.customer && (q.cumulative ? r.period >= target : r.period === target)),
        ).length;
      });
      return { start: c, breakdown: null, size: cohort.length, values };
    });
}

function referenceMean(cohorts: { start: string; size: number; values: number[] }[], period: Period, today: string) {
  const mean: (number | null)[] = [];
  for (let k = 0; ; k++) {
    const complete = cohorts.filter(
      (c) => k < c.values.length && isComplete(addPeriods(c.start, period, k), period, today),
    );
    if (complete.length === 0) return mean;
    const sizes = complete.reduce((s, c) => s + c.size, 0);
    mean.push(sizes === 0 ? null : complete.reduce((s, c) => s + (c.values[k] ?? 0), 0) / sizes);
  }
}

function referenceLifecycle(events: FixtureEvent[], tz: string, q: LifecycleQuery) {
  const today = localDate(now, tz);
  const last = [periodStart(q.to, q.period), periodStart(today, q.period)].sort()[0] as string;
  const active = occurrences(events, tz, q.period, q.event, false);
  const isActive = (customer: number, p: string) => active.some((a) => a.customer === customer && a.period === p);
  const first = new Map<number, string>();
  for (const a of active)
    if (!first.has(a.customer) || a.period < (first.get(a.customer) as string)) first.set(a.customer, a.period);
  return periodStarts(q.from, last, q.period).map((p) => {
    const prev = addPeriods(p, q.period, -1);
    const row = {
      start: p,
      complete: isComplete(p, q.period, today),
      new: 0,
      returning: 0,
      resurrecting: 0,
      dormant: 0,
    };
    for (const customer of first.keys()) {
      if (isActive(customer, p)) {
        if (first.get(customer) === p) row.new++;
        else if (isActive(customer, prev)) row.returning++;
        else row.resurrecting++;
      } else if (isActive(customer, prev)) row.dormant++;
    }
    return row;
  });
}

const QUERIES: { period: Period; from: string; to: string }[] = [
  { period: "day", from: "2026-01-20", to: "2026-02-04" },
  { period: "week", from: "2025-11-24", to: "2026-02-04" },
  { period: "month", from: "2025-11-01", to: "2026-02-04" },
];

describeEachDatabase("metrics from rollups equal metrics from raw events", ({ database }) => {
  for (const [seed, tz] of [
    [11, "Asia/Kolkata"],
    [12, "America/New_York"],
  ] as const) {
    it(`random stream ${seed} in ${tz}`, async () => {
      const events = randomStream(seed, 40);
      const customers = Array.from({ length: 40 }, (_, i) => ({ id: i + 1 }));
      const workspaceId = await buildMetricFixture(database().db, { timeZone: tz, customers, events });
      const scope = { workspaceId, timeZone: tz };
      const today = localDate(now, tz);
      for (const range of QUERIES) {
        for (const mode of ["first_time", "recurring"] as const) {
          for (const cumulative of [false, true]) {
            for (const [startEvent, returnEvent] of [
              ["$any", "$any"],
              ["Signed Up", "Order Completed"],
            ] as const) {
              const q: RetentionQuery = { ...range, mode, cumulative, startEvent, returnEvent, breakdown: null };
              const got = await computeRetention(database().db, scope, q, now);
              const want = referenceRetention(events, tz, q);
              expect(got.cohorts, JSON.stringify(q)).toEqual(want);
              expect(got.mean, JSON.stringify(q)).toEqual(referenceMean(want, q.period, today));
            }
          }
        }
        for (const event of ["$any", "Logged In"]) {
          const q: LifecycleQuery = { ...range, event };
          const got = await computeLifecycle(database().db, scope, q, now);
          expect(got.periods, JSON.stringify(q)).toEqual(referenceLifecycle(events, tz, q));
        }
      }
    }, 120_000);
  }
});

// The same property for data written by ingest, batch by batch, with identifies and aliases that merge
// profiles: named start and return events are then read from customer_event_periods as ingest kept it (and
// as a merge rebuilt it), and the table must also equal a rebuild from events.
describeEachDatabase("named-event cohorts kept by ingest equal metrics from raw events", ({ database }) => {
  for (const seed of [21, 22]) {
    it(`random ingest stream ${seed} with merges`, async () => {
      const db = database().db;
      const tz = "Europe/Berlin";
      const [w] = await db
        .insert(workspaces)
        .values({ name: `n${seed}`, timeZone: tz })
        .returning();
      const ws = w!.id;
      const random = new Random(seed);
      const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)] as T;
      const start = Date.parse("2025-10-20T00:00:00Z");
      let n = 0;
      for (let b = 0; b < 10; b++) {
        const batch: unknown[] = [];
        for (let i = random.int(5, 30); i > 0; i--) {
          n++;
          const hasUser = random.next() < 0.5;
          const base = {
            messageId: `m${seed}-${n}`,
            timestamp: new Date(start + Math.floor(random.next() * (now.getTime() - start))).toISOString(),
            ...(hasUser ? { userId: pick(["u1", "u2", "u3", "u4", "u5", "u6"]) } : {}),
            ...(!hasUser || random.next() < 0.5
              ? { anonymousId: pick(["a1", "a2", "a3", "a4", "a5", "a6", "a7"]) }
              : {}),
          };
          const type = pick(["track", "track", "track", "page", "identify"] as const);
          if (type === "identify") batch.push({ ...base, type, traits: {} });
          else if (type === "page") batch.push({ ...base, type, name: "Home" });
          else batch.push({ ...base, type, event: pick(NAMES) });
        }
        await ingestBatch(
          db,
          { workspaceId: ws, sourceId: null },
          batch.map((raw) => ({ raw })),
        );
      }
      const stored = await rows<{ customer_id: number | string; at: Date | string; type: string; name: string | null }>(
        db,
        sql`select customer_id, timestamp as at, type, name from events where workspace_id = ${ws}`,
      );
      const events: FixtureEvent[] = stored.map((e) => ({
        customer: Number(e.customer_id),
        at: new Date(e.at).toISOString(),
        type: e.type as FixtureEvent["type"],
        name: e.name ?? undefined,
      }));
      const scope = { workspaceId: ws, timeZone: tz };
      const pairs = [
        ["Signed Up", "Order Completed"],
        ["Logged In", "Logged In"],
        ["$any", "Order Completed"],
        ["Home", "$any"],
      ] as const;
      for (const range of QUERIES) {
        for (const mode of ["first_time", "recurring"] as const) {
          for (const cumulative of [false, true]) {
            for (const [startEvent, returnEvent] of pairs) {
              const q: RetentionQuery = { ...range, mode, cumulative, startEvent, returnEvent, breakdown: null };
              const got = await computeRetention(db, scope, q, now);
              expect(got.cohorts, JSON.stringify(q)).toEqual(referenceRetention(events, tz, q));
            }
          }
        }
        for (const event of ["Order Completed", "Home"]) {
          const q: LifecycleQuery = { ...range, event };
          const got = await computeLifecycle(db, scope, q, now);
          expect(got.periods, JSON.stringify(q)).toEqual(referenceLifecycle(events, tz, q));
        }
      }
      const periods = () =>
        rows(
          db,
          sql`select name, period, customer_id, first_start::text, starts::text from customer_event_periods
              where workspace_id = ${ws} order by 1, 2, 3`,
        );
      const kept = await periods();
      await rebuildActivityRollups(db, ws);
      expect(kept).toEqual(await periods());
      const [merged] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from customers where workspace_id = ${ws} and merged_into is not null`,
      );
      expect(merged!.n).toBeGreaterThan(0);
      expect(kept.length).toBeGreaterThan(0);
    }, 120_000);
  }
});
