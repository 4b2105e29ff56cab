import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { textArray } from "@/lib/metrics/kpis/sql";
import { bigintList } from "@/lib/metrics/rollups/period-activity-sql";
import { type MetricContext, type MetricSettings, resolveMetricSettings } from "@/lib/metrics/settings";
import type { FactChanges } from "./index";

const ACTIVE_TYPES = new Set(["track", "page", "screen"]);

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
  const ids = new Set([...changes.rebuild, ...changes.mergedAway]);
  for (const e of changes.stored) {
    if (settings.signupEvent === null || (e.name !== null && ACTIVE_TYPES.has(e.type) && names.has(e.name)))
      ids.add(e.customerId);
  }
  if (ids.size === 0) return;
  await refreshEngagement(
    db,
    context,
    [...ids].sort((a, b) => a - b),
  );
}

/** Recomputes the rows of the whole workspace (a settings save, the backfill) or of `customerIds`. */
export async function rebuildEngagementFacts(db: Db, context: MetricContext, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  if (customerIds !== undefined) {
    await refreshEngagement(
      db,
      context,
      [...customerIds].sort((a, b) => a - b),
    );
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

/**
 * One statement for a list of customers: rows that changed are upserted (unchanged ones are left alone, so
 * the common batch writes nothing), and rows of customers without a signup any more (merged away) deleted.
 */
async function refreshEngagement(db: Db, context: MetricContext, customerIds: readonly number[]) {
  const { workspaceId } = context;
  const ids = sql`${bigintList(customerIds)}::bigint[]`;
  await db.execute(sql`
    with src as (${engagementRows(context, ids)}),
    upserted as (
      insert into customer_engagement as t (workspace_id, customer_id, signed_up_at, activated_at, step_at, feature_at)
      select * from src order by customer_id
      on conflict (workspace_id, customer_id) do update set
        signed_up_at = excluded.signed_up_at, activated_at = excluded.activated_at,
        step_at = excluded.step_at, feature_at = excluded.feature_at
      where (t.signed_up_at, t.activated_at, t.step_at, t.feature_at)
        is distinct from (excluded.signed_up_at, excluded.activated_at, excluded.step_at, excluded.feature_at)
    )
    delete from customer_engagement t
    where t.workspace_id = ${workspaceId} and t.customer_id = any(${ids})
      and not exists (select 1 from src where src.customer_id = t.customer_id)
  `);
}

/**
 * `select workspace_id, customer_id, signed_up_at, activated_at, step_at, feature_at` for the customers that
 * signed up (all of the workspace's, or those in `ids`), from customer_event_facts: one pass over their facts
 * of the names the settings use, pivoted per customer. Merged-away profiles never count.
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
  const onlyIds = (column: SQL) => (ids === undefined ? sql`` : sql`and ${column} = any(${ids})`);
  const names = usedNames(settings);
  const facts = sql`
    select f.customer_id,
           ${settings.signupEvent === null ? sql`null::timestamptz` : firstOf(settings.signupEvent)} as signup_at,
           ${activated} as activated_at,
           ${firstsOf(settings.onboardingSteps)} as step_at,
           ${firstsOf(settings.coreFeatureEvents)} as feature_at
    from customer_event_facts f
    where f.workspace_id = ${workspaceId} ${onlyIds(sql`f.customer_id`)} and f.name = any(${textArray(names)})
    group by f.customer_id
  `;
  // Customers without facts of these names still have a row when signing up is their first event.
  const emptySteps = sql`array_fill(null::timestamptz, array[${settings.onboardingSteps.length}::int])`;
  const emptyFeatures = sql`array_fill(null::timestamptz, array[${settings.coreFeatureEvents.length}::int])`;
  if (settings.signupEvent === null) {
    return sql`
      select c.workspace_id, c.id as customer_id, c.first_seen_at as signed_up_at, x.activated_at,
             coalesce(x.step_at, ${emptySteps}) as step_at, coalesce(x.feature_at, ${emptyFeatures}) as feature_at
      from customers c
      left join (${facts}) x on x.customer_id = c.id
      where c.workspace_id = ${workspaceId} ${onlyIds(sql`c.id`)} and c.merged_into is null
        and c.first_seen_at is not null
    `;
  }
  return sql`
    select ${workspaceId}::uuid as workspace_id, x.customer_id, x.signup_at as signed_up_at, x.activated_at,
           x.step_at, x.feature_at
    from (${facts}) x
    where x.signup_at is not null
      and exists (
        select 1 from customers c
        where c.workspace_id = ${workspaceId} and c.id = x.customer_id and c.merged_into is null
      )
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
