import { eq, sql } from "drizzle-orm";
import { applyTraitWrites, type TraitWrite } from "@/lib/customers/apply-traits";
import { blockedValueSet } from "@/lib/customers/blocked";
import { planIdentities } from "@/lib/customers/identity-plan";
import { applyIdentityPlan, loadIdentityState } from "@/lib/customers/identity-store";
import type { Db } from "@/lib/db/client";
import { dataQualityIssues, ingestRejections, workspaces } from "@/lib/db/schema";
import { updateRollups } from "./incremental";
import { isRejection, type MessageType, type NormalizedMessage, normalizeMessage } from "./message";
import { insertEvents } from "./write-events";

export type IngestTarget = { workspaceId: string; sourceId: string | null };
export type RawItem = { raw: unknown; sizeBytes?: number };
export type RejectedEvent = { index: number; messageId: string | null; reason: string; message: string };
export type IngestOutcome = { accepted: number; duplicates: number; rejected: RejectedEvent[] };

/**
 * Stores a batch of Segment-spec messages: validates each, resolves identities, appends the events (a
 * messageId already stored is a duplicate, not an error), merges identify traits and keeps the rollups and
 * profile facts current — all in one transaction, so when this returns the batch is committed. Invalid
 * messages are rejected one by one (and recorded for the debugger) without failing the valid ones.
 */
export async function ingestBatch(
  db: Db,
  target: IngestTarget,
  items: readonly RawItem[],
  options: { receivedAt?: Date; batchSentAt?: Date | null; defaultType?: MessageType } = {},
): Promise<IngestOutcome> {
  const receivedAt = options.receivedAt ?? new Date();
  const rejected: RejectedEvent[] = [];
  const valid: { index: number; message: NormalizedMessage }[] = [];
  items.forEach((item, index) => {
    const result = normalizeMessage(item.raw, {
      receivedAt,
      batchSentAt: options.batchSentAt ?? null,
      defaultType: options.defaultType,
      sizeBytes: item.sizeBytes,
    });
    if (isRejection(result)) rejected.push({ index, ...result });
    else valid.push({ index, message: result });
  });

  const outcome = await withRetry(() =>
    db.transaction(async (tx) => {
      const [workspace] = await tx
        .select({ timeZone: workspaces.timeZone, settings: workspaces.settings })
        .from(workspaces)
        .where(eq(workspaces.id, target.workspaceId));
      if (!workspace) throw new Error(`unknown workspace ${target.workspaceId}`);
      const blocked = blockedValueSet(workspace.settings.blockedIdentityValues);
      const messages = valid.map((v) => v.message);
      const state = await loadIdentityState(tx, target.workspaceId, messages);
      const plan = planIdentities(messages, state, blocked);
      const batchRejected = [...rejected];
      for (const i of plan.unidentified) {
        const v = valid[i]!;
        batchRejected.push({
          index: v.index,
          messageId: v.message.messageId,
          reason: "missing_identity",
          message: "every identifier of this event is a blocked value (such as null, 0 or anonymous)",
        });
      }
      const { resolve, mergedSurvivors } = await applyIdentityPlan(tx, target.workspaceId, plan, receivedAt);
      const toStore = plan.assignments.flatMap((customer, i) =>
        customer === null ? [] : [{ message: messages[i]!, customerId: resolve(customer) }],
      );
      await lockCustomers(
        tx,
        target.workspaceId,
        toStore.map((t) => t.customerId),
      );
      const stored = await insertEvents(tx, { ...target, timeZone: workspace.timeZone }, toStore, receivedAt);
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
      await updateRollups(tx, target.workspaceId, stored, mergedSurvivors);
      await recordProblems(tx, target, receivedAt, batchRejected, items, plan.issues);
      return {
        accepted: stored.length,
        duplicates: toStore.length - stored.length,
        rejected: batchRejected.sort((a, b) => a.index - b.index),
      };
    }),
  );
  return outcome;
}

/**
 * Takes the row locks of every customer this batch will update, in id order, before updating any. Later
 * statements update them in whatever order their plans choose; without this, two concurrent batches that
 * share customers can deadlock, and PostgreSQL only notices after deadlock_timeout (a second).
 */
async function lockCustomers(db: Db, workspaceId: string, customerIds: readonly number[]) {
  const ids = [...new Set(customerIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await db.execute(sql`
    select 1 from customers
    where workspace_id = ${workspaceId} and id = any(${`{${ids.join(",")}}`}::bigint[])
    order by id
    for update
  `);
}

async function recordProblems(
  db: Db,
  target: IngestTarget,
  receivedAt: Date,
  rejected: readonly RejectedEvent[],
  items: readonly RawItem[],
  issues: ReturnType<typeof planIdentities>["issues"],
) {
  if (rejected.length > 0) {
    await db.insert(ingestRejections).values(
      rejected.map((r) => ({
        workspaceId: target.workspaceId,
        sourceId: target.sourceId,
        reason: r.reason,
        message: r.message,
        messageId: r.messageId,
        payload: truncatedPayload(items[r.index]?.raw),
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

// Unique violations, deadlocks and serialization failures mean a concurrent batch touched the same customers
// first; the whole transaction is replayed against the state it left.
const RETRYABLE = new Set(["23505", "40P01", "40001"]);

async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).code ??
        (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}
