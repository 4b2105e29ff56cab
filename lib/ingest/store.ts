import { eq } from "drizzle-orm";
import { applyTraitWrites, type TraitWrite } from "@/lib/customers/apply-traits";
import { blockedValueSet } from "@/lib/customers/blocked";
import { planIdentities } from "@/lib/customers/identity-plan";
import { identitySettings } from "@/lib/customers/identity-settings";
import { applyIdentityPlan, loadIdentityState } from "@/lib/customers/identity-store";
import type { Db } from "@/lib/db/client";
import { dataQualityIssues, ingestRejections, workspaces } from "@/lib/db/schema";
import { addCustomerFactsLocking } from "./customer-facts";
import { updateRollups } from "./incremental";
import type { IngestOutcome, IngestTarget, RejectedEvent } from "./ingest-types";
import { BLOCKED_ONLY_MESSAGE, type ValidMessage } from "./validate";
import { insertEvents } from "./write-events";

/** A validated message and when it arrived (an inbox drain mixes batches received at different times). */
export type StoreEntry = ValidMessage & { receivedAt: Date };
/** A rejection with the payload to keep for the debugger. */
export type RejectionToRecord = RejectedEvent & { payload: unknown };

/**
 * Inside the caller's transaction: resolves identities, appends the events (a messageId already stored is a
 * duplicate, not an error), merges identify traits, keeps the rollups and profile facts current, and records
 * the rejections and identity issues. Messages are handled in the order given.
 */
export async function storeMessages(
  tx: Db,
  target: IngestTarget,
  entries: readonly StoreEntry[],
  rejected: readonly RejectionToRecord[],
  now: Date,
): Promise<IngestOutcome> {
  // KEY SHARE: the lock the events' foreign-key check takes anyway, taken before reading the time zone, so a
  // time-zone change (saveMetricSettings locks this row FOR UPDATE and rebuilds the rollup) cannot slip in
  // between and leave this batch filed under the old zone's days.
  const [workspace] = await tx
    .select({ timeZone: workspaces.timeZone, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, target.workspaceId))
    .for("key share");
  if (!workspace) throw new Error(`unknown workspace ${target.workspaceId}`);
  const settings = identitySettings(workspace.settings);
  const messages = entries.map((e) => e.message);
  const state = await loadIdentityState(tx, target.workspaceId, messages, {
    countUsers: settings.maxUsersPerAnonymousId > 1,
  });
  const plan = planIdentities(messages, state, blockedValueSet(settings.blockedIdentityValues), {
    maxUsersPerAnonymousId: settings.maxUsersPerAnonymousId,
  });
  const batchRejected: RejectionToRecord[] = [...rejected];
  for (const i of plan.unidentified) {
    const e = entries[i]!;
    batchRejected.push({
      index: e.index,
      messageId: e.message.messageId,
      reason: "missing_identity",
      message: BLOCKED_ONLY_MESSAGE,
      payload: e.message,
    });
  }
  const { resolve, mergedSurvivors, mergedAway } = await applyIdentityPlan(tx, target.workspaceId, plan, now);
  const toStore = plan.assignments.flatMap((customer, i) =>
    customer === null
      ? []
      : [{ message: messages[i]!, customerId: resolve(customer), receivedAt: entries[i]!.receivedAt }],
  );
  const stored = await insertEvents(tx, { ...target, timeZone: workspace.timeZone }, toStore);
  // Also this batch's lock on its customers (in id order), before anything else keyed by them is written.
  await addCustomerFactsLocking(tx, target.workspaceId, stored);
  const storedIds = new Set(stored.map((e) => e.messageId));
  const traitWrites: TraitWrite[] = toStore
    .filter(({ message: m }) => m.type === "identify" && storedIds.has(m.messageId))
    .map(({ message: m, customerId }) => ({
      customerId,
      traits: m.traits,
      at: m.timestamp,
      timeZone: typeof m.context?.timezone === "string" ? m.context.timezone : null,
    }));
  await applyTraitWrites(tx, target.workspaceId, traitWrites);
  await updateRollups(tx, target.workspaceId, stored, mergedSurvivors, mergedAway);
  await recordProblems(tx, target, now, batchRejected, plan.issues);
  return {
    accepted: stored.length,
    duplicates: toStore.length - stored.length,
    rejected: batchRejected.map(({ payload: _, ...r }) => r).sort((a, b) => a.index - b.index),
  };
}

/** Records refused events for the debugger and identity issues for the data-quality page. */
export async function recordProblems(
  db: Db,
  target: IngestTarget,
  receivedAt: Date,
  rejected: readonly RejectionToRecord[],
  issues: ReturnType<typeof planIdentities>["issues"] = [],
) {
  if (rejected.length > 0) {
    await db.insert(ingestRejections).values(
      rejected.map((r) => ({
        workspaceId: target.workspaceId,
        sourceId: target.sourceId,
        reason: r.reason,
        message: r.message,
        messageId: r.messageId,
        payload: truncatedPayload(r.payload),
        receivedAt,
      })),
    );
  }
  if (issues.length > 0) {
    await db.insert(dataQualityIssues).values(
      issues.map((i) => ({
        workspaceId: target.workspaceId,
        kind: i.kind,
        identifierKind: i.identifierKind,
        identifierValue: i.identifierValue,
        details: { ...i.details, sourceId: target.sourceId },
        createdAt: receivedAt,
      })),
    );
  }
}

const PAYLOAD_KEEP_BYTES = 4_096;

/** Keeps a rejected payload for the debugger, but never more than a few KB of it. */
function truncatedPayload(raw: unknown): unknown {
  const text = JSON.stringify(raw) ?? "null";
  if (text.length <= PAYLOAD_KEEP_BYTES) return raw ?? null;
  return { truncated: true, preview: text.slice(0, PAYLOAD_KEEP_BYTES) };
}
