import { z } from "zod";
import { type ImportKind, KEYED_TARGETS, KIND_LABELS, TARGETS, type Target, targetLabel, targetsOf } from "./targets";

/** What one column becomes; `key` names the trait or property (default: the column's name). */
export const columnMappingSchema = z.object({
  target: z.enum(TARGETS, { message: `target must be one of ${TARGETS.join(", ")}` }),
  key: z.string().trim().max(100, "Use at most 100 characters").optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Column indexes per Segment field, and the columns kept as traits or properties under their keys. */
export type CompiledMapping = {
  kind: ImportKind;
  userId: number | null;
  anonymousId: number | null;
  email: number | null;
  phone: number | null;
  name: number | null;
  event: number | null;
  timestamp: number | null;
  messageId: number | null;
  ticketId: number | null;
  source: number | null;
  channel: number | null;
  category: number | null;
  tags: number | null;
  priority: number | null;
  status: number | null;
  subject: number | null;
  assignee: number | null;
  createdAt: number | null;
  updatedAt: number | null;
  firstReplyAt: number | null;
  solvedAt: number | null;
  reopenedAt: number | null;
  satisfactionRating: number | null;
  satisfactionComment: number | null;
  fields: { index: number; key: string }[];
};

export type MappingCheck = { ok: true; mapping: CompiledMapping } | { ok: false; errors: Record<string, string> };

type SingleTarget = Exclude<Target, "trait" | "property" | "ignore">;
const FIELD_OF: Record<SingleTarget, keyof Omit<CompiledMapping, "kind" | "fields">> = {
  user_id: "userId",
  anonymous_id: "anonymousId",
  email: "email",
  phone: "phone",
  name: "name",
  event: "event",
  timestamp: "timestamp",
  message_id: "messageId",
  ticket_id: "ticketId",
  source: "source",
  channel: "channel",
  category: "category",
  tags: "tags",
  priority: "priority",
  status: "status",
  subject: "subject",
  assignee: "assignee",
  created_at: "createdAt",
  updated_at: "updatedAt",
  first_reply_at: "firstReplyAt",
  solved_at: "solvedAt",
  reopened_at: "reopenedAt",
  satisfaction_rating: "satisfactionRating",
  satisfaction_comment: "satisfactionComment",
};

/** The trait keys that the email, phone and name columns of a customers file write. */
const TRAIT_OF: Partial<Record<Target, string>> = { email: "email", phone: "phone", name: "name" };

/**
 * Checks a mapping against the file's columns and the kind of import: every required field has a column,
 * no field has two, and no two columns write the same trait or property. Errors are keyed "mapping.<column>"
 * (or "mapping" for a missing field) so the form can show each next to its column.
 */
export function compileMapping(
  kind: ImportKind,
  header: readonly string[],
  columns: readonly ColumnMapping[],
): MappingCheck {
  const errors: Record<string, string> = {};
  if (columns.length !== header.length) {
    return { ok: false, errors: { mapping: `Map each of the ${header.length} columns (got ${columns.length}).` } };
  }
  const allowed = new Set(targetsOf(kind));
  const compiled: CompiledMapping = {
    kind,
    userId: null,
    anonymousId: null,
    email: null,
    phone: null,
    name: null,
    event: null,
    timestamp: null,
    messageId: null,
    ticketId: null,
    source: null,
    channel: null,
    category: null,
    tags: null,
    priority: null,
    status: null,
    subject: null,
    assignee: null,
    createdAt: null,
    updatedAt: null,
    firstReplyAt: null,
    solvedAt: null,
    reopenedAt: null,
    satisfactionRating: null,
    satisfactionComment: null,
    fields: [],
  };
  const keys = new Map<string, number>();
  columns.forEach((column, index) => {
    const path = `mapping.${index}`;
    const name = header[index] ?? `Column ${index + 1}`;
    if (column.target === "ignore") return;
    if (!allowed.has(column.target)) {
      errors[path] = `${KIND_LABELS[kind].title} imports have no ${column.target.replaceAll("_", " ")} field.`;
      return;
    }
    if (KEYED_TARGETS.has(column.target)) {
      const key = (column.key ?? name).trim();
      if (key === "") errors[path] = `Give the ${column.target} a name.`;
      else if (keys.has(key))
        errors[path] = `"${header[keys.get(key)!]}" already writes the ${column.target} "${key}".`;
      else {
        keys.set(key, index);
        compiled.fields.push({ index, key });
      }
      return;
    }
    const field = FIELD_OF[column.target as SingleTarget];
    const taken = compiled[field];
    if (taken !== null) {
      errors[path] =
        `"${header[taken]}" is already the ${targetLabel(kind, column.target).replace(/ \(required\)$/, "")}.`;
      return;
    }
    compiled[field] = index;
    const trait = kind === "customers" ? TRAIT_OF[column.target] : undefined;
    if (trait !== undefined) {
      if (keys.has(trait)) errors[path] = `"${header[keys.get(trait)!]}" already writes the trait "${trait}".`;
      keys.set(trait, index);
    }
  });
  const missing = missingFields(compiled);
  if (missing.length > 0) errors.mapping = missing.join(" ");
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, mapping: compiled };
}

function missingFields(m: CompiledMapping): string[] {
  const missing: string[] = [];
  if (m.kind === "customers" && m.userId === null) missing.push("Choose the column that holds the user id.");
  if (m.kind === "events") {
    if (m.userId === null && m.anonymousId === null) {
      missing.push("Choose the column that holds the user id (or the anonymous id).");
    }
    if (m.event === null) missing.push("Choose the column that holds the event name.");
    if (m.timestamp === null) missing.push("Choose the column that holds the timestamp.");
  }
  if (m.kind === "tickets") {
    if (m.ticketId === null) missing.push("Choose the column that holds the ticket id.");
    if (m.userId === null && m.email === null) {
      missing.push("Choose the column that holds the requester's user id or email.");
    }
    if (m.channel === null) missing.push("Choose the column that holds the channel.");
    if (m.createdAt === null) missing.push("Choose the column that holds the creation time.");
  }
  return missing;
}
