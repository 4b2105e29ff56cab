import { randomUUID } from "node:crypto";
import { z } from "zod";

/**
 * One Segment-spec message (identify, track, page, screen, group, alias), validated and normalised. Segment
 * and RudderStack libraries send ids as strings but numbers are common from hand-written clients, so ids are
 * coerced to strings; unknown fields are ignored as Segment does.
 */
export const MESSAGE_TYPES = ["identify", "track", "page", "screen", "group", "alias"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Segment's per-event limit. */
export const MAX_EVENT_BYTES = 32 * 1024;

const id = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .optional()
  .nullable();
const dateText = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO-8601 date")
  .transform((v) => new Date(v))
  .optional()
  .nullable();
const record = z.record(z.string(), z.unknown()).optional().nullable();

const messageSchema = z.object({
  type: z.enum(MESSAGE_TYPES, { message: `type must be one of ${MESSAGE_TYPES.join(", ")}` }),
  messageId: id,
  userId: id,
  anonymousId: id,
  previousId: id,
  groupId: id,
  event: z.string().optional().nullable(),
  name: z.string().optional().nullable(),
  properties: record,
  traits: record,
  context: record,
  timestamp: dateText,
  originalTimestamp: dateText,
  sentAt: dateText,
});

export type NormalizedMessage = {
  type: MessageType;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  previousId: string | null;
  groupId: string | null;
  /** Event name for track; page or screen name for page/screen; null otherwise. */
  name: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown> | null;
  timestamp: Date;
};

export type Rejection = { reason: RejectionReason; message: string; messageId: string | null };
export type RejectionReason =
  | "invalid_type"
  | "invalid_field"
  | "missing_identity"
  | "missing_event"
  | "missing_previous_id"
  | "missing_group_id"
  | "too_large";

/**
 * The time the event happened. An explicit `timestamp` is trusted (historical imports). Otherwise the
 * client's clock is corrected by how far it was off when the batch was sent:
 * timestamp = receivedAt − (sentAt − originalTimestamp).
 */
export function eventTime(
  m: { timestamp?: Date | null; originalTimestamp?: Date | null; sentAt?: Date | null },
  receivedAt: Date,
  batchSentAt: Date | null,
): Date {
  if (m.timestamp) return m.timestamp;
  const sentAt = m.sentAt ?? batchSentAt;
  if (m.originalTimestamp && sentAt) {
    return new Date(receivedAt.getTime() - (sentAt.getTime() - m.originalTimestamp.getTime()));
  }
  return m.originalTimestamp ?? receivedAt;
}

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === "" ? null : value;
}

/** Validates one raw message; `defaultType` is the type implied by the endpoint (/v1/track → track). */
export function normalizeMessage(
  raw: unknown,
  options: { receivedAt: Date; batchSentAt: Date | null; defaultType?: MessageType; sizeBytes?: number },
): NormalizedMessage | Rejection {
  const rawMessageId =
    raw && typeof raw === "object" && "messageId" in raw ? String((raw as { messageId: unknown }).messageId) : null;
  if (options.sizeBytes !== undefined && options.sizeBytes > MAX_EVENT_BYTES) {
    return {
      reason: "too_large",
      message: `event is ${options.sizeBytes} bytes; the limit is ${MAX_EVENT_BYTES}`,
      messageId: rawMessageId,
    };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { reason: "invalid_type", message: "each event must be a JSON object", messageId: null };
  }
  const withType =
    options.defaultType && !("type" in raw) ? { ...(raw as object), type: options.defaultType } : (raw as object);
  const parsed = messageSchema.safeParse(withType);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "event";
    const reason = field === "type" ? "invalid_type" : "invalid_field";
    return { reason, message: `${field}: ${issue?.message ?? "invalid"}`, messageId: rawMessageId };
  }
  const m = parsed.data;
  const userId = text(m.userId);
  const anonymousId = text(m.anonymousId);
  const messageId = text(m.messageId) ?? randomUUID();
  if (!userId && !anonymousId) {
    return { reason: "missing_identity", message: "userId or anonymousId is required", messageId };
  }
  if (m.type === "track" && !text(m.event)) {
    return { reason: "missing_event", message: "track calls need an event name", messageId };
  }
  if (m.type === "alias" && (!text(m.previousId) || !userId)) {
    return { reason: "missing_previous_id", message: "alias calls need previousId and userId", messageId };
  }
  if (m.type === "group" && !text(m.groupId)) {
    return { reason: "missing_group_id", message: "group calls need a groupId", messageId };
  }
  const name = m.type === "track" ? text(m.event) : m.type === "page" || m.type === "screen" ? text(m.name) : null;
  return {
    type: m.type,
    messageId,
    userId,
    anonymousId,
    previousId: text(m.previousId),
    groupId: text(m.groupId),
    name,
    properties: m.properties ?? {},
    traits: m.traits ?? (m.context?.traits as Record<string, unknown> | undefined) ?? {},
    context: m.context ?? null,
    timestamp: eventTime(m, options.receivedAt, options.batchSentAt),
  };
}

export function isRejection(value: NormalizedMessage | Rejection): value is Rejection {
  return "reason" in value;
}
