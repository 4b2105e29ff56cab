import { type SQL, sql } from "drizzle-orm";
import { type Count, countCondition } from "./compile-events";
import type { SegmentCondition } from "./rule-schema";
import type { Scope } from "./scope";
import { instantInDays, withinLastDays } from "./time-window";
import type { NumberTest } from "./value-test-schema";
import { numberTest } from "./value-test-sql";

type NpsCondition = Extract<SegmentCondition, { type: "nps" }>;
type TicketCategoryCondition = Extract<SegmentCondition, { type: "tickets_in_category" }>;

/** Tickets not yet solved or closed (pending waits on the customer but is still unresolved). */
const UNRESOLVED = sql`t.status in ('new', 'open', 'pending')`;

function ticketsOf(scope: Scope, where: SQL): SQL {
  // customer_id is null for tickets of unknown requesters; keep them out so `not in` stays a plain negation.
  return sql`c.id in (select t.customer_id from tickets t
    where t.workspace_id = ${scope.workspaceId} and t.customer_id is not null and ${where}
      ${scope.only(sql`t.customer_id`)})`;
}

/** Has a ticket that is not solved or closed. */
export function openTicketSql(value: boolean, scope: Scope): SQL {
  const open = ticketsOf(scope, UNRESOLVED);
  return value ? open : sql`not (${open})`;
}

/** Has an unresolved ticket created at least N hours before now. */
export function ticketAgeSql(hours: number, scope: Scope): SQL {
  return ticketsOf(
    scope,
    sql`${UNRESOLVED} and t.created_at <= ${scope.clock.now.toISOString()}::timestamptz - make_interval(hours => ${hours}::int)`,
  );
}

/** Tickets in a category (ignoring case) created within the last N days, N times. */
export function ticketCategorySql(condition: TicketCategoryCondition, scope: Scope): SQL {
  const inWindow = sql`t.workspace_id = ${scope.workspaceId} and t.customer_id is not null
    ${scope.only(sql`t.customer_id`)} and lower(t.category) = lower(${condition.category}::text)
    and ${instantInDays(sql`t.created_at`, withinLastDays(scope.clock, condition.days), scope.clock)}`;
  const atLeast = (n: number) =>
    sql`c.id in (select t.customer_id from tickets t where ${inWindow} group by t.customer_id having count(*) >= ${n})`;
  const exactly = (n: number) =>
    sql`c.id in (select t.customer_id from tickets t where ${inWindow} group by t.customer_id having count(*) = ${n})`;
  return countCondition(condition.count as Count, atLeast, exactly);
}

/**
 * Tests on a customer's latest value of something (latest NPS score, latest CSAT rating): `latest` selects
 * (customer_id, value). "≠" and "is not set" are the negations of "=" and "is set", so a customer without a
 * value matches them, as with traits.
 */
function latestValueTest(latest: SQL, test: NumberTest): SQL {
  const matching = (t: NumberTest) =>
    sql`c.id in (select l.customer_id from (${latest}) l where ${numberTest(sql`l.value`, t)})`;
  if (test.operator === "neq") return sql`not (${matching({ ...test, operator: "eq" })})`;
  if (test.operator === "is_not_set") return sql`not (${matching({ type: "number", operator: "is_set" })})`;
  return matching(test);
}

/** The satisfaction rating of the customer's latest rated ticket (by creation). */
export function csatSql(test: NumberTest, scope: Scope): SQL {
  return latestValueTest(
    sql`select distinct on (t.customer_id) t.customer_id, t.satisfaction_rating as value from tickets t
      where t.workspace_id = ${scope.workspaceId} and t.customer_id is not null and t.satisfaction_rating is not null
        ${scope.only(sql`t.customer_id`)}
      order by t.customer_id, t.created_at desc, t.id desc`,
    test,
  );
}

const BANDS = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

/**
 * The band of the customer's latest NPS answer, ever (lib/metrics/kpis/nps.ts: the `score` of `NPS Submitted`,
 * whole numbers 0–10 only): promoter 9–10, passive 7–8, detractor 0–6.
 */
export function npsSql(condition: NpsCondition, _scope: Scope): SQL {
  const [min, max] = BANDS[condition.band];
  // customers.nps_score is kept by ingest (lib/ingest/rollup.ts refreshCustomerFacts), so the band is a test on
  // the customer's own row instead of reading every answer in the workspace (43,000 at 10M events: ~0.5 s).
  return sql`coalesce(c.nps_score between ${min} and ${max}, false)`;
}
