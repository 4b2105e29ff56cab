import { type SQL, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { eventSql, eventTimeSql, frequencyChangeSql, sharedEventScans } from "./compile-events";
import { activatedSql, lifecycleSql, onboardingSql, signupSql } from "./compile-lifecycle";
import { commerceSql, traitSql } from "./compile-profile";
import { csatSql, npsSql, openTicketSql, ticketAgeSql, ticketCategorySql } from "./compile-support";
import type { SegmentCompileContext } from "./context";
import type { SegmentCondition, SegmentNode, SegmentRule } from "./rule-schema";
import { knownPerformersIn, onlyCustomersIn, type Scope } from "./scope";
import { clockAt } from "./time-window";

/** How many segments deep "is in segment X" may nest (X's rule referring to Y, and so on). */
export const MAX_SEGMENT_NESTING = 10;

type Segment = { id: string; name: string };
type State = { scope: Scope; context: SegmentCompileContext; chain: Segment[] };

/**
 * The rule as one boolean SQL expression over a customer row `c` (customers of the context's workspace).
 * Every value is a bound parameter. A referenced segment's rule is compiled inline (so membership is always
 * current and one query answers the whole rule). Throws Invalid with the path of the offending condition for
 * an unknown segment or a cycle of segments referring to each other.
 */
export async function compileSegmentPredicate(rule: SegmentRule, context: SegmentCompileContext): Promise<SQL> {
  const scope: Scope = {
    workspaceId: context.workspaceId,
    settings: context.settings,
    clock: clockAt(context.now, context.timeZone),
    only: onlyCustomersIn(context.onlyCustomers),
    perCustomer: context.onlyCustomers !== undefined,
    knownPerformers: knownPerformersIn(context.onlyCustomers === undefined ? undefined : context.batchActivity),
  };
  return compileNode(rule, context.pathPrefix ?? [], { scope, context, chain: context.self ? [context.self] : [] });
}

/**
 * `select c.id from customers c where …`: the ids of the workspace's customers that match the rule. Profiles
 * merged into another never match (their events and tickets belong to the survivor).
 */
export async function compileSegmentRule(rule: SegmentRule, context: SegmentCompileContext): Promise<SQL> {
  return sql`select c.id from customers c where ${segmentWhere(context.workspaceId, await compileSegmentPredicate(rule, context))}`;
}

/** The WHERE clause of a segment query over `customers c`. */
export function segmentWhere(workspaceId: string, predicate: SQL): SQL {
  return sql`c.workspace_id = ${workspaceId} and c.merged_into is null and (${predicate})`;
}

async function compileNode(node: SegmentNode, path: (string | number)[], state: State): Promise<SQL> {
  if (node.type !== "group") return compileCondition(node, path, state);
  if (node.conditions.length === 0) return node.negate ? sql`false` : sql`true`;
  const shared = node.combinator === "and" ? sharedEventScans(node.conditions, state.scope) : new Map();
  const parts: SQL[] = [];
  for (const [i, child] of node.conditions.entries()) {
    const scan = shared.get(i);
    if (scan === null) continue; // covered by the shared scan of an earlier condition on the same event
    parts.push(scan ?? (await compileNode(child, [...path, "conditions", i], state)));
  }
  const joined = sql`(${sql.join(parts, node.combinator === "and" ? sql` and ` : sql` or `)})`;
  return node.negate ? sql`not ${joined}` : joined;
}

async function compileCondition(condition: SegmentCondition, path: (string | number)[], state: State): Promise<SQL> {
  const { scope } = state;
  switch (condition.type) {
    case "trait":
      return traitSql(condition, scope);
    case "event":
      return eventSql(condition, scope);
    case "event_time":
      return eventTimeSql(condition, scope);
    case "frequency_change":
      return frequencyChangeSql(condition, scope);
    case "commerce":
      return commerceSql(condition, scope);
    case "signup":
      return signupSql(condition, scope);
    case "activated":
      return activatedSql(condition.value, scope);
    case "onboarding_complete":
      return onboardingSql(condition.value, scope);
    case "lifecycle_status":
      return lifecycleSql(condition, scope);
    case "nps":
      return npsSql(condition, scope);
    case "open_ticket":
      return openTicketSql(condition.value, scope);
    case "unresolved_ticket_older_than":
      return ticketAgeSql(condition.hours, scope);
    case "tickets_in_category":
      return ticketCategorySql(condition, scope);
    case "last_csat":
      return csatSql(condition.test, scope);
    case "segment": {
      const member = await membershipSql(condition.segmentId, [...path, "segmentId"], state);
      return condition.operator === "in" ? member : sql`not ${member}`;
    }
  }
}

/** "Is in segment X": X's rule, compiled inline, after checking that X exists and is not already on the chain. */
async function membershipSql(segmentId: string, path: (string | number)[], state: State): Promise<SQL> {
  const field = path.join(".");
  const fail = (message: string): never => {
    throw new Invalid(message, { [field]: message });
  };
  const resolve = state.context.resolveSegment;
  if (!resolve) fail("Segment membership cannot be checked here: no saved segments are available.");
  const looped = state.chain.findIndex((s) => s.id === segmentId);
  if (looped >= 0) {
    const names = [...state.chain.slice(looped), state.chain[looped] as Segment].map((s) => `“${s.name}”`);
    fail(`Segments cannot refer to each other in a loop: ${names.join(" → ")}.`);
  }
  if (state.chain.length >= MAX_SEGMENT_NESTING) {
    fail(`Segments may refer to other segments at most ${MAX_SEGMENT_NESTING} levels deep.`);
  }
  const segment = await resolve?.(segmentId);
  if (!segment) return fail(`There is no segment with id ${segmentId} in this workspace.`);
  try {
    const inner = await compileNode(segment.rule, [], { ...state, chain: [...state.chain, segment] });
    return sql`(${inner})`;
  } catch (error) {
    // A problem inside the referenced segment is reported at the condition that brought it in.
    if (error instanceof Invalid) {
      const detail = Object.values(error.fields)[0] ?? error.message;
      const message = detail.startsWith("Segments cannot refer") ? detail : `In segment “${segment.name}”: ${detail}`;
      throw new Invalid(message, { [field]: message });
    }
    throw error;
  }
}
