import {
  isResolved,
  MAX_RATING,
  MIN_RATING,
  orderHistory,
  type StatusChange,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from "@/lib/tickets/vocabulary";
import type { CompiledMapping } from "./mapping";
import { ProblemList } from "./problems";
import { cell, extraValues, type RowResult } from "./row";
import { parseTimestamp } from "./timestamp";

/**
 * One tickets-file row, read into the ticket API's payload (lib/tickets/payload.ts) with its full status
 * history, so the import and the API store tickets through one function and a re-import changes nothing.
 */
export type TicketRow = {
  externalId: string;
  source?: string;
  userId: string | null;
  email: string | null;
  channel: TicketChannel;
  category: string | null;
  tags: string[];
  priority: TicketPriority | null;
  subject: string | null;
  assignee: string | null;
  createdAt: string;
  updatedAt: string | null;
  firstAgentReplyAt: string | null;
  satisfactionRating: number | null;
  satisfactionComment: string | null;
  history: { status: TicketStatus; at: string }[];
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Help desks name channels their own way ("Web form", "Phone call (inbound)", "Live chat"). */
function readChannel(text: string): TicketChannel | null {
  const value = text.toLowerCase();
  if (/mail/.test(value)) return "email";
  if (/chat|messag/.test(value)) return "chat";
  if (/phone|voice|call/.test(value)) return "phone";
  if (/web|portal|form|widget/.test(value)) return "web";
  return null;
}

const STATUS_WORDS: Record<string, TicketStatus> = {
  hold: "pending",
  "on-hold": "pending",
  "on hold": "pending",
  resolved: "solved",
};

function readStatus(text: string): TicketStatus | null {
  const value = text.toLowerCase();
  if ((TICKET_STATUSES as readonly string[]).includes(value)) return value as TicketStatus;
  return STATUS_WORDS[value] ?? null;
}

/**
 * The status history a row describes: created ("new"), each solved time ("solved") and each reopened time
 * ("open"), in time order; then the row's status, when it differs from where those leave the ticket, dated at
 * Updated at (or else at the last change). A solved or closed ticket needs a time it was solved: Solved at, or
 * Updated at standing in for it. Without a status column the history's last status is the ticket's.
 */
function history(
  createdAt: Date,
  solved: Date[],
  reopened: Date[],
  status: TicketStatus | null,
  updatedAt: Date | null,
): StatusChange[] | string {
  const changes = orderHistory<StatusChange>([
    { status: "new", at: createdAt },
    ...solved.map((at) => ({ status: "solved" as const, at })),
    ...reopened.map((at) => ({ status: "open" as const, at })),
  ]);
  const last = changes[changes.length - 1]!;
  if (status === null || status === last.status) return changes;
  if (isResolved(status) && solved.length === 0 && updatedAt === null) {
    return `The ticket is ${status} but Solved at is empty; map the Solved at (or Updated at) column.`;
  }
  const at = updatedAt && updatedAt.getTime() >= last.at.getTime() ? updatedAt : last.at;
  return [...changes, { status, at }];
}

export function readTicketRow(
  mapping: CompiledMapping,
  columns: number,
  cells: readonly string[],
  timeZone: string,
): RowResult<TicketRow> {
  const problems = new ProblemList();
  problems.addProblem(extraValues(cells, columns));
  const time = (index: number | null, label: string): Date | null => {
    const text = cell(cells, index);
    if (text === "") return null;
    const parsed = parseTimestamp(text, timeZone);
    if (parsed.ok) return parsed.date;
    problems.add("invalid_timestamp", `${label}: ${parsed.message}.`);
    return null;
  };
  const times = (index: number | null, label: string): Date[] =>
    cell(cells, index)
      .split(/[;|]/)
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .flatMap((part) => {
        const parsed = parseTimestamp(part, timeZone);
        if (parsed.ok) return [parsed.date];
        problems.add("invalid_timestamp", `${label}: ${parsed.message}.`);
        return [];
      });

  const externalId = cell(cells, mapping.ticketId);
  if (externalId === "") problems.add("missing_ticket_id", "The ticket id is empty.");
  const userId = cell(cells, mapping.userId);
  const email = cell(cells, mapping.email);
  if (userId === "" && email === "") {
    problems.add("missing_identity", "The requester's user id and email are both empty.");
  }
  if (email !== "" && !EMAIL.test(email)) problems.add("invalid_email", `"${email}" is not an email address.`);
  const channelText = cell(cells, mapping.channel);
  const channel = channelText === "" ? null : readChannel(channelText);
  if (channelText === "") problems.add("missing_channel", "The channel is empty.");
  else if (channel === null) {
    problems.add("invalid_channel", `Channel "${channelText}" is not email, chat, phone or web.`);
  }
  const statusText = cell(cells, mapping.status);
  const status = statusText === "" ? null : readStatus(statusText);
  if (statusText !== "" && status === null) {
    problems.add("invalid_status", `Status "${statusText}" is not one of ${TICKET_STATUSES.join(", ")}.`);
  }
  const priorityText = cell(cells, mapping.priority).toLowerCase();
  const priority = (TICKET_PRIORITIES as readonly string[]).includes(priorityText)
    ? (priorityText as TicketPriority)
    : null;
  if (priorityText !== "" && priority === null) {
    problems.add("invalid_priority", `Priority "${priorityText}" is not one of ${TICKET_PRIORITIES.join(", ")}.`);
  }
  const ratingText = cell(cells, mapping.satisfactionRating);
  const rating = ratingText === "" ? null : Number(ratingText);
  if (rating !== null && !(Number.isInteger(rating) && rating >= MIN_RATING && rating <= MAX_RATING)) {
    problems.add("invalid_number", `Satisfaction rating "${ratingText}" is not a whole number from 1 to 5.`);
  }

  const createdText = cell(cells, mapping.createdAt);
  if (createdText === "") problems.add("missing_timestamp", "Created at is empty.");
  const createdAt = time(mapping.createdAt, "Created at");
  const updatedAt = time(mapping.updatedAt, "Updated at");
  const firstReplyAt = time(mapping.firstReplyAt, "First agent reply at");
  const solved = times(mapping.solvedAt, "Solved at");
  const reopened = times(mapping.reopenedAt, "Reopened at");
  let changes: StatusChange[] = [];
  if (createdAt) {
    const labelled: [string, Date | null][] = [
      ["Updated at", updatedAt],
      ["First agent reply at", firstReplyAt],
      ...solved.map((d): [string, Date] => ["Solved at", d]),
      ...reopened.map((d): [string, Date] => ["Reopened at", d]),
    ];
    const early = labelled.find(([, d]) => d !== null && d.getTime() < createdAt.getTime());
    if (early) problems.add("out_of_order", `${early[0]} is before Created at.`);
    const built = history(createdAt, solved, reopened, status, updatedAt);
    if (typeof built === "string") problems.add("missing_solved_at", built);
    else changes = built;
  }

  return problems.result(() => {
    const text = (index: number | null) => cell(cells, index) || null;
    const source = cell(cells, mapping.source);
    return {
      externalId,
      ...(source !== "" ? { source } : {}),
      userId: userId || null,
      email: email || null,
      channel: channel!,
      category: text(mapping.category),
      tags: [
        ...new Set(
          cell(cells, mapping.tags)
            .split(/[,;\s]+/)
            .filter((t) => t !== ""),
        ),
      ],
      priority,
      subject: text(mapping.subject),
      assignee: text(mapping.assignee),
      createdAt: createdAt!.toISOString(),
      updatedAt: updatedAt?.toISOString() ?? null,
      firstAgentReplyAt: firstReplyAt?.toISOString() ?? null,
      satisfactionRating: rating,
      satisfactionComment: text(mapping.satisfactionComment),
      history: changes.map((c) => ({ status: c.status, at: c.at.toISOString() })),
    };
  });
}
