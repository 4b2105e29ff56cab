import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { makeProfile } from "@/lib/seed/customers";
import { DEFAULT_DEMO_SEED, seedDemo } from "@/lib/seed/demo";
import { Random } from "@/lib/seed/random";
import { DAY } from "@/lib/seed/time";
import { describeEachDatabase } from "@/test/db";
import { SEGMENT_TEMPLATES } from "./templates";

/**
 * The ready-made segments against the seeded demo: each is created active by the seed, and its members are
 * checked against what the simulation made (the persona and onboarding steps of each customer, recomputed
 * from the same seed) or against the definition written as plain SQL over the raw rows.
 */
const NOW = new Date("2026-03-15T12:00:00Z");
const SIZE = { customers: 600, days: 365, now: NOW } as const;

describeEachDatabase("ready-made segments on the demo", ({ database }) => {
  let workspaceId = "";
  const members = new Map<string, Set<string>>();
  const profiles = new Map<string, ReturnType<typeof makeProfile>>();

  const ids = async (db: Db, query: ReturnType<typeof sql>) =>
    new Set((await rows<{ external_id: string }>(db, query)).map((r) => r.external_id));
  /** Local midnight (America/New_York) that starts day today − (n − 1): the start of "the last n days". */
  const lastDaysStart = (n: number) =>
    sql`((((${NOW.toISOString()}::timestamptz at time zone 'America/New_York')::date - ${n - 1}::int))::timestamp at time zone 'America/New_York')`;

  beforeAll(async () => {
    const db = database().db;
    workspaceId = (await seedDemo(db, SIZE)).workspaceId;
    const found = await rows<{ template_key: string; external_id: string }>(
      db,
      sql`select s.template_key, c.external_id from segments s
        join segment_members m on m.segment_id = s.id
        join customers c on c.workspace_id = m.workspace_id and c.id = m.customer_id
        where s.workspace_id = ${workspaceId}`,
    );
    for (const t of SEGMENT_TEMPLATES) members.set(t.key, new Set());
    for (const r of found) members.get(r.template_key)?.add(r.external_id);
    const ctx = {
      seed: DEFAULT_DEMO_SEED,
      now: NOW.getTime(),
      days: SIZE.days,
      customers: SIZE.customers,
      windowStart: NOW.getTime() - SIZE.days * DAY,
    };
    for (let i = 0; i < SIZE.customers; i++) {
      const p = makeProfile(Random.derive(ctx.seed, i), ctx, i);
      profiles.set(p.externalId, p);
    }
  }, 300_000);

  it("seeds every template as an active segment, each with members", async () => {
    const seeded = await rows<{ template_key: string; status: string }>(
      database().db,
      sql`select template_key, status from segments where workspace_id = ${workspaceId} order by template_key`,
    );
    expect(seeded.map((s) => s.template_key).sort()).toEqual(SEGMENT_TEMPLATES.map((t) => t.key).sort());
    expect(seeded.every((s) => s.status === "active")).toBe(true);
    for (const t of SEGMENT_TEMPLATES) expect(members.get(t.key)?.size, t.key).toBeGreaterThan(0);
  });

  const latestNps = (band: "<= 6" | ">= 9") => sql`
    select c.external_id from customers c
    join lateral (
      select (e.properties->>'score')::int as score from events e
      where e.workspace_id = c.workspace_id and e.customer_id = c.id and e.type = 'track' and e.name = 'NPS Submitted'
        and e.properties->>'score' ~ '^[0-9]+$' and (e.properties->>'score')::int <= 10
      order by e.timestamp desc, e.id desc limit 1
    ) n on true
    where c.workspace_id = ${workspaceId} and c.merged_into is null
      and ${band === "<= 6" ? sql`n.score <= 6` : sql`n.score >= 9`}`;

  it("detractors and promoters are exactly the latest NPS answers 0–6 and 9–10", async () => {
    expect(members.get("churn-detractors")).toEqual(await ids(database().db, latestNps("<= 6")));
    expect(members.get("promoters")).toEqual(await ids(database().db, latestNps(">= 9")));
  });

  it("unresolved support is exactly the customers with a new/open/pending ticket opened 48 h or more ago", async () => {
    const expected = await ids(
      database().db,
      sql`select distinct c.external_id from tickets t join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id
        where t.workspace_id = ${workspaceId} and t.status in ('new', 'open', 'pending')
          and t.created_at <= ${new Date(NOW.getTime() - 48 * 3600_000).toISOString()}::timestamptz`,
    );
    expect(members.get("churn-unresolved-support")).toEqual(expected);
  });

  it("dormant 30 days is exactly the customers without a track/page/screen event in the last 30 local days", async () => {
    const expected = await ids(
      database().db,
      sql`select c.external_id from customers c where c.workspace_id = ${workspaceId} and c.merged_into is null
        and not exists (select 1 from events e where e.workspace_id = c.workspace_id and e.customer_id = c.id
          and e.type in ('track', 'page', 'screen') and e.timestamp >= ${lastDaysStart(30)})`,
    );
    expect(members.get("dormant-30-days")).toEqual(expected);
  });

  it("activated but no core feature: First Box Customized ever, no Box Customized or Recipe Viewed in 30 days", async () => {
    const expected = await ids(
      database().db,
      sql`select c.external_id from customers c where c.workspace_id = ${workspaceId} and c.merged_into is null
        and exists (select 1 from events e where e.workspace_id = c.workspace_id and e.customer_id = c.id
          and e.name = 'First Box Customized')
        and not exists (select 1 from events e where e.workspace_id = c.workspace_id and e.customer_id = c.id
          and e.name in ('Box Customized', 'Recipe Viewed') and e.timestamp >= ${lastDaysStart(30)})`,
    );
    expect(members.get("activated-no-core-feature")).toEqual(expected);
  });

  it("power users are the simulation's power persona (≥ 90 % of members)", () => {
    const found = [...(members.get("power-users") ?? [])];
    const power = found.filter((id) => profiles.get(id)?.persona === "power").length;
    expect(power / found.length).toBeGreaterThanOrEqual(0.9);
  });

  it("onboarding incomplete holds every recent sign-up the simulation stopped partway, and only sign-ups 7–29 days ago", async () => {
    const daysAgo = (at: number) =>
      Math.round(
        (Date.parse(`${localDate(NOW.getTime())}T00:00:00Z`) - Date.parse(`${localDate(at)}T00:00:00Z`)) / DAY,
      );
    const found = members.get("onboarding-incomplete-7-days") ?? new Set();
    for (const id of found) {
      const ago = daysAgo(profiles.get(id)?.signupAt ?? 0);
      expect(ago, id).toBeGreaterThanOrEqual(7);
      expect(ago, id).toBeLessThanOrEqual(29);
    }
    const stopped = [...profiles.values()].filter((p) => {
      const ago = daysAgo(p.signupAt);
      return p.onboardingSteps < 3 && ago >= 7 && ago <= 29;
    });
    expect(stopped.length).toBeGreaterThan(0);
    for (const p of stopped) expect(found.has(p.externalId), p.externalId).toBe(true);
  });

  it("declining purchases: the definition over raw orders, and members skip boxes far more than other subscribers", async () => {
    const db = database().db;
    // Orders in days ago 0–59 (last) vs 60–119 (previous): previous > 0 and last ≤ previous × 0.5; still subscribed.
    const expected = await ids(
      db,
      sql`with o as (
          select e.customer_id,
            count(*) filter (where e.timestamp >= ${lastDaysStart(60)}) as last,
            count(*) filter (where e.timestamp < ${lastDaysStart(60)}) as previous
          from events e
          where e.workspace_id = ${workspaceId} and e.type = 'track' and e.name = 'Order Completed'
            and e.timestamp >= ${lastDaysStart(120)}
            and e.timestamp < ((((${NOW.toISOString()}::timestamptz at time zone 'America/New_York')::date + 1))::timestamp at time zone 'America/New_York')
          group by e.customer_id
        )
        select c.external_id from o join customers c on c.workspace_id = ${workspaceId} and c.id = o.customer_id
        where o.previous > 0 and o.last <= o.previous * 0.5 and c.traits->>'subscription_status' = 'active'`,
    );
    expect(members.get("churn-declining-purchases")).toEqual(expected);
    const skipped = await ids(
      db,
      sql`select distinct c.external_id from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.name = 'Subscription Skipped' and e.timestamp >= ${lastDaysStart(60)}
          and c.traits->>'subscription_status' = 'active'`,
    );
    const active = await ids(
      db,
      sql`select external_id from customers where workspace_id = ${workspaceId} and traits->>'subscription_status' = 'active'`,
    );
    const found = [...expected];
    const others = [...active].filter((id) => !expected.has(id));
    const share = (list: string[]) => list.filter((id) => skipped.has(id)).length / Math.max(1, list.length);
    // At-risk customers skip ~60 % of boxes against 3–12 % when engaged (lib/seed/lifecycle.ts).
    expect(share(found)).toBeGreaterThan(2 * share(others));
  });
});

/** The demo's local date (America/New_York in March: UTC−4 from the 8th, UTC−5 before). */
function localDate(at: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(at));
}
