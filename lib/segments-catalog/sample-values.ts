import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

/**
 * Example values for the segment builder's pickers: what a trait, an event property or a ticket category
 * actually holds, most frequent first, so a marketer picks "pro" instead of guessing "Pro plan". Each reads a
 * bounded sample (the newest profiles, events or tickets), so it answers as fast on 10 M events as on the demo;
 * a rare old value can still be typed in.
 */

export type SampleValue = { value: string; count: number };

/** Newest profiles, events and tickets read per request. */
export const VALUE_SAMPLE = 2_000;
/** Values returned per request: enough for a datalist, few enough to read. */
export const MAX_VALUES = 25;

/**
 * Values of the top-level trait `trait` on the VALUE_SAMPLE most recently created (unmerged) profiles: the
 * highest ids, which the primary key reads backwards (ids are handed out in creation order).
 * Objects and arrays are not offered (a trait test reads strings, numbers, booleans and dates); blank text is
 * skipped. Ties are ordered by value so the list is stable.
 */
export async function sampleTraitValues(db: Db, workspaceId: string, trait: string): Promise<SampleValue[]> {
  const found = await rows<{ value: string; count: number }>(
    db,
    sql`
      select v.value, count(*)::int as count
      from (
        select c.traits -> ${trait} as raw from customers c
        where c.workspace_id = ${workspaceId} and c.merged_into is null
        order by c.id desc
        limit ${VALUE_SAMPLE}
      ) recent
      cross join lateral (select recent.raw #>> '{}' as value) v
      where jsonb_typeof(recent.raw) in ('string', 'number', 'boolean') and btrim(v.value) <> ''
      group by v.value
      order by count desc, v.value
      limit ${MAX_VALUES}`,
  );
  return found.map((r) => ({ value: r.value, count: Number(r.count) }));
}

/** Values of property `property` on the VALUE_SAMPLE latest `track` events named `event`. */
export async function samplePropertyValues(
  db: Db,
  workspaceId: string,
  event: string,
  property: string,
): Promise<SampleValue[]> {
  const found = await rows<{ value: string; count: number }>(
    db,
    sql`
      select v.value, count(*)::int as count
      from (
        select e.properties -> ${property} as raw from events e
        where e.workspace_id = ${workspaceId} and e.name = ${event} and e.type = 'track'
        order by e.timestamp desc
        limit ${VALUE_SAMPLE}
      ) recent
      cross join lateral (select recent.raw #>> '{}' as value) v
      where jsonb_typeof(recent.raw) in ('string', 'number', 'boolean') and btrim(v.value) <> ''
      group by v.value
      order by count desc, v.value
      limit ${MAX_VALUES}`,
  );
  return found.map((r) => ({ value: r.value, count: Number(r.count) }));
}

/**
 * Ticket categories of the VALUE_SAMPLE newest tickets. Categories are matched ignoring case by the rule, so
 * "Billing" and "billing" are one entry, shown as the most frequent spelling.
 */
export async function sampleTicketCategories(db: Db, workspaceId: string): Promise<SampleValue[]> {
  const found = await rows<{ value: string; count: number }>(
    db,
    sql`
      select (array_agg(spelling order by n desc, spelling))[1] as value, sum(n)::int as count
      from (
        select btrim(t.category) as spelling, lower(btrim(t.category)) as folded, count(*)::int as n
        from (
          select category from tickets
          where workspace_id = ${workspaceId}
          order by created_at desc
          limit ${VALUE_SAMPLE}
        ) t
        where btrim(coalesce(t.category, '')) <> ''
        group by 1, 2
      ) spellings
      group by folded
      order by count desc, value
      limit ${MAX_VALUES}`,
  );
  return found.map((r) => ({ value: r.value, count: Number(r.count) }));
}
