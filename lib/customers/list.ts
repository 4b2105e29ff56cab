import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { hourOf } from "@/lib/db/recency-hour";
import { rows } from "@/lib/db/rows";
import { afterId, afterKey, type Cursor, type Direction, flip, keysetPage, orderKeyword } from "./keyset";
import { type CustomerFilters, customerWhere } from "./list-filters";
import { SORT_COLUMNS, type SortColumn, type SortKey } from "./list-sort";

export type CustomerListQuery = {
  filters: CustomerFilters;
  sort: SortKey;
  direction: Direction;
  /** The page after this position (Next), or, with `before`, the page before it (Previous); neither: page 1. */
  after?: Cursor;
  before?: Cursor;
  limit: number;
  /** The clock for "last seen within N days"; injectable for tests. */
  now: Date;
};

export type CustomerListItem = {
  id: number;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  /** The `name` trait, when it is a string. */
  name: string | null;
  plan: string | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  eventCount: number;
  orderCount: number;
  lifetimeRevenue: number;
};

export type CustomerPage = {
  items: CustomerListItem[];
  /** Where the next page starts; null on the last page. */
  next: Cursor | null;
  /** Where the previous page ends; null on the first page. */
  previous: Cursor | null;
};

type Row = {
  id: number | string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  plan: string | null;
  first_seen_at: string | Date | null;
  last_seen_at: string | Date | null;
  event_count: number;
  order_count: number;
  lifetime_revenue: string;
  sort_value: string | null;
};

/**
 * One page of the workspace's customers (merged profiles excluded), filtered and sorted, keyset-paginated on
 * (sort column, id). The order is total: ties on the sort value are broken by id in the same direction, and
 * customers without a value (never seen) come last, by id.
 */
export async function listCustomers(db: Db, workspaceId: string, query: CustomerListQuery): Promise<CustomerPage> {
  const page = await keysetPage(
    query,
    (cursor, backwards) => fetchInOrder(db, workspaceId, query, cursor, backwards),
    (row) => ({ value: row.sort_value, id: Number(row.id) }),
  );
  return { items: page.rows.map(toItem), next: page.next, previous: page.previous };
}

/**
 * Up to limit + 1 rows from the cursor on, in list order (or in reverse when walking back). The order is split
 * into phases, customers with a sort value and then those without, and each phase is its own
 * `order by … limit` branch of a UNION ALL: each branch can then walk an index on the sort column, which a
 * single `order by x desc nulls last` could not do with a plain ascending index.
 */
async function fetchInOrder(
  db: Db,
  workspaceId: string,
  query: CustomerListQuery,
  cursor: Cursor | undefined,
  backwards: boolean,
): Promise<Row[]> {
  const column = SORT_COLUMNS[query.sort];
  const direction = backwards ? flip(query.direction) : query.direction;
  const valuePhase: Phase = { hasValue: true };
  const nullPhase: Phase = { hasValue: false };
  let phases = column.nullable ? [valuePhase, nullPhase] : [valuePhase];
  if (backwards) phases = phases.reverse();
  // Phases before the cursor's phase are behind it entirely.
  const start = cursor ? phases.findIndex((p) => p.hasValue === (cursor.value !== null)) : 0;
  if (start < 0) return [];
  // PostgreSQL cannot estimate how many customers a search matches (it guesses half), so it walks the sort
  // index hoping to stop early; for a rare match that reads every customer in index order (330 ms at 100k).
  // With a search, the matches are found first in one sequential pass (about 100 ms at 100k), then paged.
  const searching = query.filters.search.length > 0;
  const scope = searching
    ? sql`with scoped as materialized (
        select * from customers c where ${customerWhere(workspaceId, query.filters, query.now)}
      )`
    : sql``;
  const dir = orderKeyword(direction);
  const branches = phases.slice(start).map((phase, i) => {
    const after = i === 0 && cursor ? sql` and ${phaseAfter(column, phase, cursor, direction)}` : sql``;
    const byHour = column.hour ? sql`${column.hour} ${dir}, ` : sql``;
    const order = phase.hasValue ? sql`${byHour}${column.column} ${dir}, c.id ${dir}` : sql`c.id ${dir}`;
    const source = searching
      ? sql`scoped c where ${phaseWhere(column, phase)}`
      : sql`customers c
          where ${customerWhere(workspaceId, query.filters, query.now, query.sort === "last_seen" && phase.hasValue)}
            and ${phaseWhere(column, phase)}`;
    return sql`(
      select ${LIST_COLUMNS}, ${column.text} as sort_value, ${column.column} as sort_key, ${i}::int as phase
      from ${source}${after}
      order by ${order}
      limit ${query.limit + 1}
    )`;
  });
  return rows<Row>(
    db,
    sql`
      ${scope}
      select * from (${sql.join(branches, sql` union all `)}) page
      order by phase, sort_key ${dir}, id ${dir}
      limit ${query.limit + 1}
    `,
  );
}

type Phase = { hasValue: boolean };

function phaseWhere(column: SortColumn, phase: Phase): SQL {
  if (!column.nullable) return sql`true`;
  // The hour is null exactly when the column is, and only the hour is in the index.
  const tested = column.hour ?? column.column;
  return phase.hasValue ? sql`${tested} is not null` : sql`${tested} is null`;
}

function phaseAfter(column: SortColumn, phase: Phase, cursor: Cursor, direction: Direction): SQL {
  if (phase.hasValue && cursor.value !== null) {
    const value = column.cast(cursor.value);
    const after = afterKey(column.column, sql`c.id`, value, cursor.id, direction);
    if (!column.hour) return after;
    // The exact test is on the column; the range on its hour is what lets the scan start at the cursor.
    const hours =
      direction === "desc" ? sql`${column.hour} <= ${hourOf(value)}` : sql`${column.hour} >= ${hourOf(value)}`;
    return sql`${hours} and ${after}`;
  }
  return afterId(sql`c.id`, cursor.id, direction);
}

const LIST_COLUMNS = sql`
  c.id, c.external_id, c.email, c.phone,
  case when jsonb_typeof(c.traits -> 'name') = 'string' then c.traits ->> 'name' end as name,
  c.plan, c.first_seen_at, c.last_seen_at, c.event_count, c.order_count, c.lifetime_revenue::text as lifetime_revenue
`;

function toItem(row: Row): CustomerListItem {
  return {
    id: Number(row.id),
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
    name: row.name,
    plan: row.plan,
    firstSeenAt: row.first_seen_at === null ? null : new Date(row.first_seen_at),
    lastSeenAt: row.last_seen_at === null ? null : new Date(row.last_seen_at),
    eventCount: Number(row.event_count),
    orderCount: Number(row.order_count),
    lifetimeRevenue: Number(row.lifetime_revenue),
  };
}
