import type { RawItem, RejectedEvent } from "./ingest-types";
import { isRejection, type MessageType, type NormalizedMessage, normalizeMessage } from "./message";

export type ValidMessage = { index: number; message: NormalizedMessage };
export type ValidateOptions = { receivedAt: Date; batchSentAt?: Date | null; defaultType?: MessageType };

/** Validates every item of a batch on its own: the valid ones go on, each invalid one becomes a rejection. */
export function validateBatch(
  items: readonly RawItem[],
  options: ValidateOptions,
): { valid: ValidMessage[]; rejected: RejectedEvent[] } {
  const rejected: RejectedEvent[] = [];
  const valid: ValidMessage[] = [];
  items.forEach((item, index) => {
    const result = normalizeMessage(item.raw, {
      receivedAt: options.receivedAt,
      batchSentAt: options.batchSentAt ?? null,
      defaultType: options.defaultType,
      sizeBytes: item.sizeBytes,
    });
    if (isRejection(result)) rejected.push({ index, ...result });
    else valid.push({ index, message: result });
  });
  return { valid, rejected };
}

export const BLOCKED_ONLY_MESSAGE = "every identifier of this event is a blocked value (such as null, 0 or anonymous)";
