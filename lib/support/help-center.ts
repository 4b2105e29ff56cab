import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { DateRange } from "@/lib/metrics/kpis/period";
import { jsonNumber, startOfLocalDay } from "@/lib/metrics/kpis/sql";

/** The tracked events the help center sends (issue 6): a search with its `query` and `results_count`. */
export const HELP_CENTER_SEARCH_EVENT = "Help Center Searched";
/** A search counts as followed by a ticket when the same customer writes in within this many hours. */
export const SEARCH_TO_TICKET_HOURS = 24;
export const TOP_QUERIES = 10;

export type SearchQueryStats = {
  /** The query, lower-cased with surrounding spaces removed, so "Wifi " and "wifi" are one row. */
  query: string;
  searches: number;
  /** Searches whose results_count was 0. */
  noResults: number;
  /** Searches followed by a ticket of the same customer within 24 hours. */
  followedByTicket: number;
  customers: number;
};

export type HelpCenterGaps = {
  searches: number;
  noResults: number;
  followedByTicket: number;
  /** Most searches without results first. */
  topNoResults: SearchQueryStats[];
  /** Most searches followed by a ticket first. */
  topFollowedByTicket: SearchQueryStats[];
};

/**
 * Help-center gaps over `range` (local days): searches (`Help Center Searched`) grouped by normalised query;
 * a search has no results when its `results_count` is 0 (a missing or non-numeric count is not "no results");
 * it is followed by a ticket when the same customer creates one after it and within 24 hours. Anonymous
 * searches (no customer) can have no results but no ticket. Empty queries are left out. Reads the searches by
 * events_name_time_idx and each customer's tickets by tickets_customer_idx.
 */
export async function helpCenterGaps(
  db: Db,
  workspaceId: string,
  timeZone: string,
  range: DateRange,
): Promise<HelpCenterGaps> {
  const start = startOfLocalDay(sql`${range.from}::date`, timeZone);
  const end = startOfLocalDay(sql`${range.to}::date + 1`, timeZone);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`
      with s as (
        select e.customer_id, e.timestamp,
               lower(btrim(e.properties ->> 'query')) as query,
               ${jsonNumber(sql`e.properties`, "results_count")} as results
        from events e
        where e.workspace_id = ${workspaceId} and e.name = ${HELP_CENTER_SEARCH_EVENT} and e.type = 'track'
          and e.timestamp >= ${start} and e.timestamp < ${end}
      ),
      flagged as (
        select s.query, s.customer_id, s.results = 0 as no_results,
               s.customer_id is not null and exists (
                 select 1 from tickets t
                 where t.workspace_id = ${workspaceId} and t.customer_id = s.customer_id
                   and t.created_at > s.timestamp
                   and t.created_at <= s.timestamp + ${SEARCH_TO_TICKET_HOURS} * interval '1 hour'
               ) as followed
        from s
        where s.query is not null and s.query <> ''
      )
      select query, count(*) as searches,
             count(*) filter (where no_results) as no_results,
             count(*) filter (where followed) as followed,
             count(distinct customer_id) as customers
      from flagged
      group by query
    `,
  );
  const all: SearchQueryStats[] = result.map((r) => ({
    query: String(r.query),
    searches: Number(r.searches),
    noResults: Number(r.no_results),
    followedByTicket: Number(r.followed),
    customers: Number(r.customers),
  }));
  const sum = (pick: (q: SearchQueryStats) => number) => all.reduce((n, q) => n + pick(q), 0);
  const top = (pick: (q: SearchQueryStats) => number) =>
    all
      .filter((q) => pick(q) > 0)
      .sort((a, b) => pick(b) - pick(a) || b.searches - a.searches || a.query.localeCompare(b.query))
      .slice(0, TOP_QUERIES);
  return {
    searches: sum((q) => q.searches),
    noResults: sum((q) => q.noResults),
    followedByTicket: sum((q) => q.followedByTicket),
    topNoResults: top((q) => q.noResults),
    topFollowedByTicket: top((q) => q.followedByTicket),
  };
}
