import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { Scope } from "./activity-sql";
import { breakdownGrouping, NONE, OTHER } from "./breakdown";
import { type LifecycleQuery, type LifecycleStatus, lifecycleStatuses } from "./lifecycle";
import { addPeriods, localDate } from "./periods";
import { cohortMembers, returnOccurrences } from "./retention";
import type { RetentionQuery } from "./retention-query";

export type CustomerRef = { id: number; externalId: string | null; email: string | null; name: string | null };
export type CustomerPage = { total: number; customers: CustomerRef[] };

export type CohortCell = {
  cohort: string;
  offset: number;
  /** The breakdown group of the row; null without a breakdown. */
  breakdown: string | null;
  /** true: the customers counted in the cell; false: the cohort's customers who did not return. */
  returned: boolean;
};

const DEFAULT_LIMIT = 200;

async function customerPage(db: Db, scope: Scope, ids: SQL, limit: number): Promise<CustomerPage> {
  const found = await rows<{
    id: string;
    external_id: string | null;
    email: string | null;
    name: string | null;
    total: number;
  }>(
    db,
    sql`
      select c.id::text, c.external_id, c.email, c.traits ->> 'name' as name, count(*) over ()::int as total
      from customers c
      where c.workspace_id = ${scope.workspaceId} and c.id in (${ids})
      order by c.id
      limit ${limit}`,
  );
  return {
    total: found[0]?.total ?? 0,
    customers: found.map((r) => ({ id: Number(r.id), externalId: r.external_id, email: r.email, name: r.name })),
  };
}

/** SQL condition on members.bvalue selecting one breakdown group ("Other" needs the top 10 of the query). */
async function groupCondition(db: Db, scope: Scope, query: RetentionQuery, group: string | null): Promise<SQL> {
  if (!query.breakdown || group === null) return sql`true`;
  if (group === NONE) return sql`m.bvalue is null`;
  if (group !== OTHER) return sql`m.bvalue = ${group}`;
  const sizes = await rows<{ bvalue: string | null; n: number }>(
    db,
    sql`with members as (${cohortMembers(scope, query)}) select bvalue, count(*)::int as n from members group by bvalue`,
  );
  const groupOf = breakdownGrouping(new Map(sizes.map((s) => [s.bvalue, s.n])));
  const others = sizes.filter((s) => s.bvalue !== null && groupOf(s.bvalue) === OTHER).map((s) => s.bvalue as string);
  if (others.length === 0) return sql`false`;
  return sql`m.bvalue in (${sql.join(
    others.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/**
 * The customers behind one cell of the cohort table: members of the cohort (and breakdown group) who
 * performed the return event in period c+k (cumulative: in c+k or later), or, with returned = false, the
 * members who did not. Offset 0 is the whole cohort.
 */
export async function cohortCellCustomers(
  db: Db,
  scope: Scope,
  query: RetentionQuery,
  cell: CohortCell,
  now: Date = new Date(),
  limit = DEFAULT_LIMIT,
): Promise<CustomerPage> {
  if (cell.offset === 0 && !cell.returned) return { total: 0, customers: [] };
  const today = localDate(now, scope.timeZone);
  const target = addPeriods(cell.cohort, query.period, cell.offset);
  const inGroup = await groupCondition(db, scope, query, cell.breakdown);
  const match = query.cumulative ? sql`r.p >= ${target}::date` : sql`r.p = ${target}::date`;
  const returned = sql`exists (select 1 from returns r where r.customer_id = m.customer_id and ${match})`;
  const condition = cell.offset === 0 ? sql`true` : cell.returned ? returned : sql`not ${returned}`;
  return customerPage(
    db,
    scope,
    sql`
      with members as (${cohortMembers(scope, query)}), returns as (${returnOccurrences(scope, query, today)})
      select m.customer_id from members m
      where m.cohort = ${cell.cohort}::date and ${inGroup} and ${condition}`,
    limit,
  );
}

/** The customers behind one lifecycle bar: those with `status` in the period starting at `start`. */
export async function lifecycleCustomers(
  db: Db,
  scope: Scope,
  query: LifecycleQuery,
  bar: { start: string; status: LifecycleStatus },
  now: Date = new Date(),
  limit = DEFAULT_LIMIT,
): Promise<CustomerPage> {
  const today = localDate(now, scope.timeZone);
  return customerPage(
    db,
    scope,
    sql`select s.customer_id from (${lifecycleStatuses(scope, query, today)}) s
        where s.p = ${bar.start}::date and s.status = ${bar.status}`,
    limit,
  );
}
