import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { ActiveBasis } from "@/lib/metrics/kpis/active-customers";
import { addDays, type DateRange, type LocalDate, splitRange } from "@/lib/metrics/kpis/period";
import { countedCustomer, dateArray, startOfLocalDay } from "@/lib/metrics/kpis/sql";
import { hasSubscriptions, spanHolds } from "@/lib/metrics/kpis/subscriptions";
import type { MetricContext } from "@/lib/metrics/settings";
import { isResolved, NO_CATEGORY } from "./sql";

/** The window after a ticket in which a churn counts (METRICS.md "Ticket-driven churn"). */
export const CHURN_WINDOW_DAYS = 60;

export type ChurnGroup = { label: string; customers: number; churned: number; rate: number | null };

export type TicketChurn = {
  /** What "active customer" meant: an active subscription, or recent activity (no subscriptions at all). */
  basis: ActiveBasis;
  windowDays: number;
  /** Customers active on the day of their first ticket in the range, churned 60 days later or not. */
  withTicket: ChurnGroup;
  /** The same per category, each customer's first ticket of that category in the range; most customers first. */
  byCategory: ChurnGroup[];
  /** withTicket split by whether that first ticket was resolved (solved or closed) when its 60 days ended. */
  resolved: ChurnGroup;
  unresolved: ChurnGroup;
  /**
   * Customer-windows without a ticket: for each month start in the range (and the range's first day), customers
   * active that day with no ticket created in the 60 days from it; churned when no longer active 60 days later.
   */
  withoutTicket: ChurnGroup & { anchors: LocalDate[] };
  /** Customers whose first ticket is younger than 60 days: their window is still open, so they are left out. */
  windowOpen: number;
  /** Customers who were not active on the day they wrote in: not at risk of churning, so not in any group. */
  inactiveAtTicket: number;
};

function churnGroup(label: string, customers: number, churned: number): ChurnGroup {
  return { label, customers, churned, rate: customers === 0 ? null : churned / customers };
}

/**
 * "Active customer" for one customer at the start of local day `day` (instant `at`), as METRICS.md defines it
 * for the churn rate and lib/metrics/kpis/active-customers.ts computes it for whole periods:
 * - with subscription events in the workspace: their latest subscription event before `at` is not a
 *   cancellation (ties by event id): the subscription span that started last before `at` is active;
 * - otherwise: an active event (track, page, screen) on one of the inactivity-window days before `day`.
 * One index probe per customer (the primary key of subscription_spans, or of the rollup).
 */
function activeAt(context: MetricContext, basis: ActiveBasis, customerId: SQL, day: SQL, at: SQL): SQL {
  const { workspaceId, settings } = context;
  if (basis === "subscription") {
    return sql`coalesce((
      select s.active
      from subscription_spans s
      where s.workspace_id = ${workspaceId} and s.customer_id = ${customerId} and s.valid_from < ${at}
      order by s.valid_from desc, s.event_id desc
      limit 1
    ), false)`;
  }
  return sql`exists (
    select 1 from customer_daily_activity cda
    where cda.workspace_id = ${workspaceId} and cda.customer_id = ${customerId}
      and cda.day >= ${day} - ${settings.inactivityWindowDays}::int and cda.day < ${day} and cda.active_event_count > 0
  )`;
}

/**
 * Set-based "active customer" for every customer at the start of each day of `instants(d, at)`: the same
 * definition as activeAt, computed as one join (as the KPI queries do) for the no-ticket baseline.
 */
function stateAtInstants(context: MetricContext, basis: ActiveBasis): SQL {
  const { workspaceId, settings } = context;
  if (basis === "subscription") {
    return sql`
      state as (
        select i.d, s.customer_id
        from instants i
        join subscription_spans s on s.workspace_id = ${workspaceId} and ${spanHolds(sql`s`, sql`i.at`)}
        where s.active
      )`;
  }
  return sql`
    state as (
      select distinct i.d, a.customer_id
      from instants i
      join customer_daily_activity a
        on a.workspace_id = ${workspaceId} and a.day >= i.d - ${settings.inactivityWindowDays}::int and a.day < i.d
       and a.active_event_count > 0
      where ${countedCustomer(sql`a.customer_id`, workspaceId)}
    )`;
}

/**
 * Ticket-driven churn over the tickets created in `range` (METRICS.md "Ticket-driven churn", read with its
 * churn-rate and active-customer definitions; docs/support.md spells out this reading):
 * - each customer is anchored at their first ticket in the range (per category: their first ticket of that
 *   category), on the local day D it was created;
 * - S = those customers active at the start of D; churned = those of S no longer active at the start of D + 60;
 *   rate = churned / S, the customer churn rate over the 60-day window after the ticket;
 * - windows that have not ended by `today` are left out (windowOpen), customers inactive at D are not at risk.
 * The baseline applies the same churn rate to windows without a ticket, anchored at each month start of the
 * range. This is a correlation: customers who write in may differ from those who do not in other ways.
 */
export async function ticketChurn(
  db: Db,
  context: MetricContext,
  range: DateRange,
  today: LocalDate,
): Promise<TicketChurn> {
  const { workspaceId, timeZone } = context;
  const basis: ActiveBasis = (await hasSubscriptions(db, context)) ? "subscription" : "activity";
  const start = startOfLocalDay(sql`${range.from}::date`, timeZone);
  const end = startOfLocalDay(sql`${range.to}::date + 1`, timeZone);
  const windowEndDay = sql`(f.day + ${CHURN_WINDOW_DAYS}::int)`;
  const windowEndAt = startOfLocalDay(windowEndDay, timeZone);

  const anchored = await rows<{
    /** null: the customer's first ticket of any category. */
    category: string | null;
    complete: boolean;
    active_start: boolean;
    active_end: boolean;
    resolved: boolean;
  }>(
    db,
    sql`
      with rt as (
        select t.id, t.customer_id, coalesce(t.category, ${NO_CATEGORY}) as category, t.created_at,
               (t.created_at at time zone ${timeZone}::text)::date as day
        from tickets t
        where t.workspace_id = ${workspaceId} and t.created_at >= ${start} and t.created_at < ${end}
          and t.customer_id is not null and ${countedCustomer(sql`t.customer_id`, workspaceId)}
      ),
      firsts as (
        (select distinct on (customer_id, category) customer_id, category, id, day
         from rt order by customer_id, category, created_at, id)
        union all
        (select distinct on (customer_id) customer_id, null::text as category, id, day
         from rt order by customer_id, created_at, id)
      )
      select f.category,
             ${windowEndDay} <= ${today}::date as complete,
             ${activeAt(context, basis, sql`f.customer_id`, sql`f.day`, startOfLocalDay(sql`f.day`, timeZone))} as active_start,
             ${activeAt(context, basis, sql`f.customer_id`, windowEndDay, windowEndAt)} as active_end,
             coalesce((
               select ${isResolved(sql`h.status`)}
               from ticket_status_history h
               where h.workspace_id = ${workspaceId} and h.ticket_id = f.id and h.changed_at < ${windowEndAt}
               order by h.changed_at desc, h.status desc
               limit 1
             ), false) as resolved
      from firsts f
    `,
  );

  let windowOpen = 0;
  let inactiveAtTicket = 0;
  const tally = new Map<string | null, { customers: number; churned: number }>();
  const split = { resolved: { customers: 0, churned: 0 }, unresolved: { customers: 0, churned: 0 } };
  for (const r of anchored) {
    const overall = r.category === null;
    if (!r.active_start) {
      if (overall) inactiveAtTicket++;
      continue;
    }
    if (!r.complete) {
      if (overall) windowOpen++;
      continue;
    }
    const churned = r.active_end ? 0 : 1;
    const t = tally.get(r.category) ?? { customers: 0, churned: 0 };
    t.customers++;
    t.churned += churned;
    tally.set(r.category, t);
    if (overall) {
      const s = r.resolved ? split.resolved : split.unresolved;
      s.customers++;
      s.churned += churned;
    }
  }
  const overall = tally.get(null) ?? { customers: 0, churned: 0 };
  const categories = new Set(anchored.flatMap((r) => (r.category === null ? [] : [r.category])));
  const byCategory = [...categories]
    .map((c) => {
      const t = tally.get(c) ?? { customers: 0, churned: 0 };
      return churnGroup(c, t.customers, t.churned);
    })
    .sort((a, b) => b.customers - a.customers || a.label.localeCompare(b.label));

  const anchors = splitRange(range, "month")
    .map((b) => b.from)
    .filter((d) => addDays(d, CHURN_WINDOW_DAYS) <= today);
  const baseline = await withoutTicketChurn(db, context, basis, anchors);

  return {
    basis,
    windowDays: CHURN_WINDOW_DAYS,
    withTicket: churnGroup("With a ticket", overall.customers, overall.churned),
    byCategory,
    resolved: churnGroup("Ticket resolved within 60 days", split.resolved.customers, split.resolved.churned),
    unresolved: churnGroup("Ticket still open after 60 days", split.unresolved.customers, split.unresolved.churned),
    withoutTicket: { ...churnGroup("Without a ticket", baseline.customers, baseline.churned), anchors },
    windowOpen,
    inactiveAtTicket,
  };
}

/** The baseline: customer-windows [anchor, anchor + 60 days) without any ticket of that customer in them. */
async function withoutTicketChurn(
  db: Db,
  context: MetricContext,
  basis: ActiveBasis,
  anchors: readonly LocalDate[],
): Promise<{ customers: number; churned: number }> {
  if (anchors.length === 0) return { customers: 0, churned: 0 };
  const { workspaceId, timeZone } = context;
  const ends = anchors.map((d) => addDays(d, CHURN_WINDOW_DAYS));
  const [row] = await rows<{ windows: number | string; churned: number | string }>(
    db,
    sql`
      with anchors as (
        select a, b, ${startOfLocalDay(sql`a`, timeZone)} as start_at, ${startOfLocalDay(sql`b`, timeZone)} as end_at
        from unnest(${dateArray(anchors)}, ${dateArray(ends)}) as x(a, b)
      ),
      instants as (
        select d, ${startOfLocalDay(sql`d`, timeZone)} as at
        from (select a as d from anchors union select b from anchors) days
      ),
      ${stateAtInstants(context, basis)},
      windows as (
        select w.a, w.b, s.customer_id
        from anchors w
        join state s on s.d = w.a
        where not exists (
          select 1 from tickets t
          where t.workspace_id = ${workspaceId} and t.customer_id = s.customer_id
            and t.created_at >= w.start_at and t.created_at < w.end_at
        )
      )
      select count(*) as windows,
             count(*) filter (where e.customer_id is null) as churned
      from windows w
      left join state e on e.d = w.b and e.customer_id = w.customer_id
    `,
  );
  return { customers: Number(row?.windows ?? 0), churned: Number(row?.churned ?? 0) };
}
