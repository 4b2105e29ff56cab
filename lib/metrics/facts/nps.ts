import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { NPS_EVENT, NPS_SCORE_PROPERTY } from "@/lib/metrics/kpis/nps";
import { jsonNumber } from "@/lib/metrics/kpis/sql";
import { bigintList } from "@/lib/metrics/rollups/period-activity-sql";
import type { FactChanges } from "./index";

/**
 * nps_answers (lib/db/schema/overview-facts.ts): one row per valid answer of a customer that still counts, by
 * the NPS KPI's rule (METRICS.md "NPS"): a track event named NPS_EVENT whose score property is a whole number
 * 0–10 (a JSON number or numeric string). Survey answers are few, so a batch reads its own answer events back
 * by id rather than parsing JSON scores in JavaScript under a second copy of the rule.
 */
export async function updateNpsAnswers(db: Db, workspaceId: string, changes: FactChanges) {
  const recomputed = new Set([...changes.rebuild, ...changes.mergedAway]);
  if (recomputed.size > 0) await rebuildNpsAnswers(db, workspaceId, [...recomputed]);
  const answers = changes.stored
    .filter((e) => e.type === "track" && e.name === NPS_EVENT && !recomputed.has(e.customerId))
    .map((e) => e.id);
  if (answers.length === 0) return;
  await db.execute(sql`
    insert into nps_answers (workspace_id, customer_id, event_id, answered_at, score)
    ${validAnswers(workspaceId, sql`and e.id = any(${bigintList([...answers].sort((a, b) => a - b))}::bigint[])`, false)}
    order by e.customer_id, e.id
    on conflict do nothing
  `);
}

/**
 * Recomputes the answers from events: the whole workspace, or only `customerIds` (their rows are replaced; a
 * customer merged away has none, their events now carry the survivor's id).
 */
export async function rebuildNpsAnswers(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  const ids = customerIds === undefined ? null : bigintList([...customerIds].sort((a, b) => a - b));
  const only = (column: SQL) => (ids === null ? sql`` : sql`and ${column} = any(${ids}::bigint[])`);
  await db.execute(sql`delete from nps_answers where workspace_id = ${workspaceId} ${only(sql`customer_id`)}`);
  await db.execute(sql`
    insert into nps_answers (workspace_id, customer_id, event_id, answered_at, score)
    ${validAnswers(workspaceId, only(sql`e.customer_id`))}
  `);
}

/**
 * `select …` of the valid answers among the workspace's events matching `filter` (on alias e), of customers not
 * merged away. A batch's own events need no such check (`checkCustomer` false): ingest stores them under the
 * surviving profile.
 */
function validAnswers(workspaceId: string, filter: SQL, checkCustomer = true): SQL {
  const score = jsonNumber(sql`e.properties`, NPS_SCORE_PROPERTY);
  const counted = checkCustomer
    ? sql`and exists (
        select 1 from customers c
        where c.workspace_id = ${workspaceId} and c.id = e.customer_id and c.merged_into is null
      )`
    : sql``;
  return sql`
    select e.workspace_id, e.customer_id, e.id, e.timestamp, s.score::smallint
    from events e
    cross join lateral (select ${score} as score) s
    where e.workspace_id = ${workspaceId} and e.type = 'track' and e.name = ${NPS_EVENT} ${filter}
      and s.score between 0 and 10 and s.score = trunc(s.score) ${counted}
  `;
}
