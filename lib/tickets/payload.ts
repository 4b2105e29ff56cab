import { z } from "zod";
import {
  DEFAULT_TICKET_SOURCE,
  MAX_RATING,
  MIN_RATING,
  orderHistory,
  type StatusChange,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from "./vocabulary";

/** Segment's per-item limit, which the ticket API shares with the tracking API. */
export const MAX_TICKET_BYTES = 32 * 1024;
export const MAX_HISTORY = 500;
export const MAX_TAGS = 100;

/**
 * One ticket as the API (and the CSV import, which builds the same objects) sends it: the whole current state
 * of the ticket, upserted by (source, externalId). Ids may be numbers (help-desk ticket numbers usually are)
 * and are kept as text. Fields left out are stored as empty: each payload replaces the ticket's fields.
 */
const id = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v.trim() || null)
    .nullish()
    .transform((v) => v ?? null);
const date = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO-8601 date such as 2026-03-01T14:30:00Z")
  .transform((v) => new Date(v));
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(", ")}` });

const ticketSchema = z.object({
  externalId: id.pipe(z.string().min(1, "is required").max(200, "must be at most 200 characters")),
  source: optionalText(50),
  userId: id.nullish(),
  email: z.string().trim().max(320).nullish(),
  channel: choice(TICKET_CHANNELS),
  category: optionalText(200),
  tags: z
    .array(z.string().trim().min(1, "tags cannot be empty").max(100, "a tag has at most 100 characters"))
    .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
    .nullish(),
  priority: choice(TICKET_PRIORITIES).nullish(),
  status: choice(TICKET_STATUSES).nullish(),
  subject: optionalText(1000),
  assignee: optionalText(200),
  createdAt: date,
  updatedAt: date.nullish(),
  firstAgentReplyAt: date.nullish(),
  satisfactionRating: z
    .number({ message: `must be a whole number from ${MIN_RATING} to ${MAX_RATING}` })
    .int(`must be a whole number from ${MIN_RATING} to ${MAX_RATING}`)
    .min(MIN_RATING, `must be a whole number from ${MIN_RATING} to ${MAX_RATING}`)
    .max(MAX_RATING, `must be a whole number from ${MIN_RATING} to ${MAX_RATING}`)
    .nullish(),
  satisfactionComment: optionalText(5000),
  history: z
    .array(z.object({ status: choice(TICKET_STATUSES), at: date }))
    .min(1, "must list at least the ticket's creation")
    .max(MAX_HISTORY, `at most ${MAX_HISTORY} status changes`)
    .nullish(),
});

export type TicketInput = {
  source: string;
  externalId: string;
  userId: string | null;
  email: string | null;
  channel: TicketChannel;
  category: string | null;
  tags: string[];
  priority: TicketPriority | null;
  status: TicketStatus;
  subject: string | null;
  assignee: string | null;
  createdAt: Date;
  updatedAt: Date | null;
  firstAgentReplyAt: Date | null;
  satisfactionRating: number | null;
  satisfactionComment: string | null;
  /** The full status history, oldest first, when the payload carries it (then it is authoritative). */
  history: StatusChange[] | null;
};

export type TicketRejectionReason =
  | "invalid_type"
  | "invalid_field"
  | "missing_id"
  | "missing_identity"
  | "missing_status"
  | "inconsistent_history"
  | "too_large";
export type TicketRejection = { reason: TicketRejectionReason; message: string; externalId: string | null };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Validates one raw ticket; `sizeBytes` (its size on the wire) enforces the per-item limit. */
export function normalizeTicket(raw: unknown, sizeBytes?: number): TicketInput | TicketRejection {
  const rawId =
    raw && typeof raw === "object" && "externalId" in raw ? String((raw as { externalId: unknown }).externalId) : null;
  if (sizeBytes !== undefined && sizeBytes > MAX_TICKET_BYTES) {
    return {
      reason: "too_large",
      message: `ticket is ${sizeBytes} bytes; the limit is ${MAX_TICKET_BYTES}`,
      externalId: rawId,
    };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { reason: "invalid_type", message: "each ticket must be a JSON object", externalId: null };
  }
  if (!("externalId" in raw) || (raw as { externalId: unknown }).externalId == null) {
    return { reason: "missing_id", message: "externalId: is required", externalId: null };
  }
  const parsed = ticketSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "ticket";
    return {
      reason: field === "externalId" ? "missing_id" : "invalid_field",
      message: `${field}: ${issue?.message ?? "invalid"}`,
      externalId: rawId,
    };
  }
  const t = parsed.data;
  const reject = (reason: TicketRejectionReason, message: string): TicketRejection => ({
    reason,
    message,
    externalId: t.externalId,
  });
  const userId = t.userId ? t.userId : null;
  const email = t.email ? t.email : null;
  if (email !== null && !EMAIL.test(email)) return reject("invalid_field", `email: "${email}" is not an email address`);
  if (userId === null && email === null) {
    return reject("missing_identity", "userId or email is required to link the ticket to a customer");
  }
  const created = t.createdAt.getTime();
  for (const [field, value] of [
    ["updatedAt", t.updatedAt],
    ["firstAgentReplyAt", t.firstAgentReplyAt],
  ] as const) {
    if (value && value.getTime() < created) return reject("invalid_field", `${field}: is before createdAt`);
  }
  let history: StatusChange[] | null = null;
  let status = t.status ?? null;
  if (t.history) {
    history = orderHistory(t.history);
    if (history.some((h) => h.at.getTime() < created)) {
      return reject("inconsistent_history", "history: a status change is dated before createdAt");
    }
    const seen = new Set<string>();
    for (const h of history) {
      const key = `${h.at.toISOString()} ${h.status}`;
      if (seen.has(key))
        return reject("inconsistent_history", `history: "${h.status}" is listed twice at ${h.at.toISOString()}`);
      seen.add(key);
    }
    const last = history[history.length - 1]!.status;
    if (status !== null && status !== last) {
      return reject("inconsistent_history", `status: is "${status}" but the last history entry is "${last}"`);
    }
    status = last;
  }
  if (status === null) return reject("missing_status", "status: is required when no history is sent");
  return {
    source: t.source ?? DEFAULT_TICKET_SOURCE,
    externalId: t.externalId,
    userId,
    email,
    channel: t.channel,
    category: t.category,
    tags: [...new Set(t.tags ?? [])],
    priority: t.priority ?? null,
    status,
    subject: t.subject,
    assignee: t.assignee,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt ?? null,
    firstAgentReplyAt: t.firstAgentReplyAt ?? null,
    satisfactionRating: t.satisfactionRating ?? null,
    satisfactionComment: t.satisfactionComment,
    history,
  };
}

export function isTicketRejection(value: TicketInput | TicketRejection): value is TicketRejection {
  return "reason" in value;
}
