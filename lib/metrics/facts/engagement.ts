import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import { textArray } from "@/lib/metrics/kpis/sql";
import { bigintList } from "@/lib/metrics/rollups/period-activity-sql";
import { type MetricContext, type MetricSettings, resolveMetricSettings } from "@/lib/metrics/settings";
import type { FactChanges } from "./index";

/** The settings customer_engagement follows: a save that changes any of them rebuilds the workspace's rows. */
export type EngagementSettings = Pick<
  MetricSettings,
  "signupEvent" | "activationEvents" | "onboardingSteps" | "coreFeatureEvents"
>;

export function engagementSettingsOf(settings: MetricSettings): EngagementSettings {
  const { signupEvent, activationEvents, onboardingSteps, coreFeatureEvents } = settings;
  return { signupEvent, activationEvents, onboardingSteps, coreFeatureEvents };
}

export function sameEngagementSettings(a: MetricSettings, b: MetricSettings): boolean {
  return JSON.stringify(engagementSettingsOf(a)) === JSON.stringify(engagementSettingsOf(b));
}

/**
 * Whether customer_engagement holds the context's engagement settings: ingest, the settings save and the
 * backfill keep it by the settings saved on the workspace. Asked with others (a what-if, a test), the
 * engagement KPIs read customer_event_facts instead.
 */
export async function engagementFollowsSettings(db: Db, context: MetricContext): Promise<boolean> {
  const [row] = await rows<{ metrics: unknown }>(
    db,
    sql`select settings -> 'metrics' as metrics from workspaces where id = ${context.workspaceId}`,
  );
  return row !== undefined && sameEngagementSettings(resolveMetricSettings(row.metrics), context.settings);
}

/**
 * Keeps customer_engagement current inside the ingest transaction, after customer_event_facts (which it is
 * derived from). Only customers whose row can have changed are re-derived, in one statement: those with a new
 * event of a name the settings use, those a merge rebuilt, and, when signing up is the first event of any
 * kind, every customer of the batch (an earlier event moves first_seen_at). Merged-away customers lose theirs.
 */
export async function updateEngagementFacts(db: Db, context: MetricContext, changes: FactChanges) {
  const { settings } = context;
  const names = new Set(usedNames(settings));
  // Only a merge takes a signup away (the merged-away profile's events move to the survivor).
  const removable = [...new Set([...changes.rebuild, ...changes.mergedAway])];
  const ids = new Set(removable);
  for (const e of changes.stored) {
    if (settings.signupEvent === null || (e.name !== null && ACTIVE_TYPES.has(e.type) && names.has(e.name)))
      ids.add(e.customerId);
  }
  if (ids.size === 0) return;
  await refreshEngagement(db, context, sorted(ids), sorted(removable));
}

/** Recomputes the rows of the whole workspace (a settings save, the backfill) or of `customerIds`. */
export async function rebuildEngagementFacts(db: Db, context: MetricContext, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  if (customerIds !== undefined) {
    await refreshEngagement(db, context, sorted(customerIds), sorted(customerIds));
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from customer_engagement where workspace_id = ${context.workspaceId}`);
    await tx.execute(sql`
      insert into customer_engagement (workspace_id, customer_id, signed_up_at, activated_at, step_at, feature_at)
      ${engagementRows(context)}
    `);
  });
}

function sorted(ids: Iterable<number>): number[] {
  return [...ids].sort((a, b) => a - b);
}

/**
 * One statement for a list of customers: rows that changed are upserted (unchanged ones are left alone, so
 * the common batch writes nothing), and the rows of `removable` customers without a signup any more (merged
 * away) deleted; without any, the statement is the upsert alone.
 */
async function refreshEngagement(
  db: Db,
  context: MetricContext,
  customerIds: readonly number[],
  removable: readonly number[],
) {
  const { workspaceId } = context;
  const upsert = (source: SQL) => sql`
    insert into customer_engagement as t (workspace_id, customer_id, signed_up_at, activated_at, step_at, feature_at)
    select * from (${source}) s order by customer_id
    on conflict (workspace_id, customer_id) do update set
      signed_up_at = excluded.signed_up_at, activated_at = excluded.activated_at,
      step_at = excluded.step_at, feature_at = excluded.feature_at
    where (t.signed_up_at, t.activated_at, t.step_at, t.feature_at)
      is distinct from (excluded.signed_up_at, excluded.activated_at, excluded.step_at, excluded.feature_at)
  `;
  const rowsOf = engagementRows(context, sql`${bigintList(customerIds)}::bigint[]`);
  if (removable.length === 0) {
    await db.execute(upsert(rowsOf));
    return;
  }
  await db.execute(sql`
    with src as (${rowsOf}),
    upserted as (${upsert(sql`select * from src`)})
    delete from customer_engagement t
    using unnest(${bigintList(removable)}::bigint[]) as r(id)
    where t.workspace_id = ${workspaceId} and t.customer_id = r.id
      and not exists (select 1 from src where src.customer_id = r.id)
  `);
}

/**
 * `select workspace_id, customer_id, signed_up_at, activated_at, step_at, feature_at` for the customers that
 * signed up (all of the workspace's, or those in `ids`), from customer_event_facts: per customer not merged
 * away, one primary-key range over their facts of the names the settings use, pivoted into the row.
 *
 * Written as lateral lookups per customer on purpose, so the plan is the same on a table that was never
 * analyzed: as a join of grouped facts with customers, PostgreSQL without statistics re-aggregated the facts
 * once per customer of the workspace (1.1 s per ingest batch at 20,000 customers).
 */
function engagementRows(context: MetricContext, ids?: SQL): SQL {
  const { workspaceId, settings } = context;
  const firstOf = (name: string) => sql`min(f.first_at) filter (where f.name = ${name})`;
  const firstsOf = (list: readonly string[]) =>
    list.length === 0 ? sql`'{}'::timestamptz[]` : sql`array[${sql.join(list.map(firstOf), sql`, `)}]::timestamptz[]`;
  const activated =
    settings.activationEvents.length === 0
      ? sql`null::timestamptz`
      : sql`min(f.first_at) filter (where f.name = any(${textArray(settings.activationEvents)}))`;
  const customers =
    ids === undefined
      ? sql`customers c`
      : // OFFSET 0 keeps each id a primary-key probe: flattened into a join, an unanalyzed customers table was
        // scanned whole for the batch's few ids.
        sql`unnest(${ids}) as i(id)
            cross join lateral (
              select c.workspace_id, c.id, c.merged_into, c.first_seen_at
              from customers c where c.workspace_id = ${workspaceId} and c.id = i.id
              offset 0
            ) c`;
  // Signing up is the first event of any kind (customers.first_seen_at) without a signup event.
  const signedUp = settings.signupEvent === null ? sql`c.first_seen_at` : sql`x.signup_at`;
  return sql`
    select c.workspace_id, c.id as customer_id, ${signedUp} as signed_up_at, x.activated_at, x.step_at, x.feature_at
    from ${customers}
    cross join lateral (
      select ${settings.signupEvent === null ? sql`null::timestamptz` : firstOf(settings.signupEvent)} as signup_at,
             ${activated} as activated_at,
             ${firstsOf(settings.onboardingSteps)} as step_at,
             ${firstsOf(settings.coreFeatureEvents)} as feature_at
      from customer_event_facts f
      where f.workspace_id = ${workspaceId} and f.customer_id = c.id and f.name = any(${textArray(usedNames(settings))})
    ) x
    where c.workspace_id = ${workspaceId} and c.merged_into is null and ${signedUp} is not null
  `;
}

/** Every event name the rows are made of. */
function usedNames(settings: MetricSettings): string[] {
  return [
    ...new Set([
      ...(settings.signupEvent === null ? [] : [settings.signupEvent]),
      ...settings.activationEvents,
      ...settings.onboardingSteps,
      ...settings.coreFeatureEvents,
    ]),
  ];
}
