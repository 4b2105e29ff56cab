import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { hourOf } from "@/lib/db/recency-hour";
import { rows } from "@/lib/db/rows";

export type WorkspaceSummary = {
  customers: number;
  activeCustomers: number;
  events: number;
  orders: number;
  revenue: number;
  windowDays: number;
};

/**
 * The workspace at a glance over a window of `windowDays` calendar days ending with today, in the
 * workspace's time zone (today and the 29 days before it, by default).
 * - customers: every profile that has not been merged into another (merged identities count once);
 * - activeCustomers: customers with at least one track/page/screen event in the window (METRICS.md "active");
 * - events: events of any type in the window; orders and revenue: purchase orders and their revenue.
 * Read from the rollups, never from raw events: the totals from workspace_daily_totals (the daily rollup
 * summed per day, kept by triggers on it), active customers from customers.last_active_at.
 */
export async function workspaceSummary(
  db: Db,
  workspaceId: string,
  now: Date,
  windowDays = 30,
): Promise<WorkspaceSummary> {
  const [row] = await rows<{ customers: number; active: number; events: number; orders: number; revenue: string }>(
    db,
    sql`
      with bounds as (
        select today,
               (today - ${windowDays - 1}::int)::timestamp at time zone tz as start_at,
               (today + 1)::timestamp at time zone tz as end_at
        from (
          select ((${now.toISOString()}::timestamptz at time zone w.time_zone)::date) as today, w.time_zone as tz
          from workspaces w where w.id = ${workspaceId}
        ) w
      ),
      -- Per-day sums of customer_daily_activity kept beside it (workspace_daily_totals, a few shards per day):
      -- about 30 × shards rows instead of a month of per-customer rows.
      totals as (
        select coalesce(sum(t.events), 0)::int as events, coalesce(sum(t.orders), 0)::int as orders,
               coalesce(sum(t.revenue), 0)::text as revenue
        from workspace_daily_totals t, bounds b
        where t.workspace_id = ${workspaceId} and t.day > b.today - ${windowDays}::int and t.day <= b.today
      )
      select
        (select count(*)::int from customers c where c.workspace_id = ${workspaceId} and c.merged_into is null) as customers,
        -- From each profile's latest active event (an index range over its hour, lib/db/recency-hour.ts), not
        -- by de-duplicating a month of daily rows; a customer whose latest event lies after today (a clock
        -- ahead) is checked day by day.
        (select count(*)::int from customers c, bounds b
         where c.workspace_id = ${workspaceId} and c.merged_into is null
           and c.last_active_hour >= ${hourOf(sql`b.start_at`)} and c.last_active_hour < b.end_at
           and c.last_active_at >= b.start_at and c.last_active_at < b.end_at)
        + (select count(*)::int from customers c, bounds b
           where c.workspace_id = ${workspaceId} and c.merged_into is null
             and c.last_active_hour >= ${hourOf(sql`b.end_at`)} and c.last_active_at >= b.end_at
             and exists (
               select 1 from customer_daily_activity a
               where a.workspace_id = ${workspaceId} and a.customer_id = c.id and a.active_event_count > 0
                 and a.day > b.today - ${windowDays}::int and a.day <= b.today
             )) as active,
        t.events, t.orders, t.revenue
      from totals t
    `,
  );
  return {
    customers: row?.customers ?? 0,
    activeCustomers: row?.active ?? 0,
    events: row?.events ?? 0,
    orders: row?.orders ?? 0,
    revenue: Number(row?.revenue ?? 0),
    windowDays,
  };
}

export type RecentEvent = {
  id: number;
  customerId: number;
  type: string;
  name: string | null;
  timestamp: Date;
  customerLabel: string;
};

/**
 * The latest events received, newest first, for a glance at what is arriving: by arrival (the events' id),
 * not by their own timestamp, so a historical import shows up as what just arrived, and the primary key
 * answers it without reading the workspace's events in time order (2 s at 10M events).
 */
export async function recentEvents(db: Db, workspaceId: string, limit = 10): Promise<RecentEvent[]> {
  const result = await rows<{
    id: number;
    customer_id: number;
    type: string;
    name: string | null;
    timestamp: string;
    label: string;
  }>(
    db,
    sql`
      select e.id, e.customer_id, e.type, e.name, e.timestamp,
             coalesce(c.email, c.external_id, e.user_id, e.anonymous_id, 'unknown') as label
      from events e
      left join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
      where e.workspace_id = ${workspaceId}
      order by e.id desc
      limit ${limit}
    `,
  );
  return result.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    type: r.type,
    name: r.name,
    timestamp: new Date(r.timestamp),
    customerLabel: r.label,
  }));
}
