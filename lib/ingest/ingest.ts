import type { Db } from "@/lib/db/client";
import type { IngestOutcome, IngestTarget, RawItem } from "./ingest-types";
import type { MessageType } from "./message";
import { withRetry } from "./retry";
import { storeMessages } from "./store";
import { validateBatch } from "./validate";

export type { IngestOutcome, IngestTarget, RawItem, RejectedEvent } from "./ingest-types";

/**
 * Stores a batch of Segment-spec messages: validates each, resolves identities, appends the events (a
 * messageId already stored is a duplicate, not an error), merges identify traits and keeps the rollups and
 * profile facts current — all in one transaction, so when this returns the batch is committed and readable.
 * Invalid messages are rejected one by one (and recorded for the debugger) without failing the valid ones.
 * The tracking API under load takes the inbox path instead (lib/ingest/inbox); imports and tests use this.
 */
export async function ingestBatch(
  db: Db,
  target: IngestTarget,
  items: readonly RawItem[],
  options: { receivedAt?: Date; batchSentAt?: Date | null; defaultType?: MessageType } = {},
): Promise<IngestOutcome> {
  const receivedAt = options.receivedAt ?? new Date();
  const { valid, rejected } = validateBatch(items, { ...options, receivedAt });
  const entries = valid.map((v) => ({ ...v, receivedAt }));
  const toRecord = rejected.map((r) => ({ ...r, payload: items[r.index]?.raw }));
  return withRetry(() => db.transaction((tx) => storeMessages(tx, target, entries, toRecord, receivedAt)));
}
