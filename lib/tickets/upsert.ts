import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import type { RawItem } from "@/lib/ingest/ingest-types";
import { withRetry } from "@/lib/ingest/retry";
import { recordProblems } from "@/lib/ingest/store";
import { type HistoryChanges, historyChanges } from "./history-plan";
import { linkTicketCustomers } from "./link-customers";
import type { RejectedTicket, TicketOutcome, TicketResult } from "./outcome";
import { isTicketRejection, normalizeTicket, type TicketInput } from "./payload";
import type { StatusChange, TicketStatus } from "./vocabulary";

/** Where tickets go: the workspace, and the source (write key) they came through; null for CSV imports. */
export type TicketTarget = { workspaceId: string; sourceId: string | null };

type Valid = { index: number; input: TicketInput; sizeBytes: number };

/**
 * Upserts a batch of tickets by (source, externalId), in one transaction: validates each item on its own
 * (invalid ones are reported and recorded for the source's debugger without holding back the rest), links
 * each ticket to its customer (link-customers.ts), writes the tickets that are new or differ from what is
 * stored, and brings their status history up to date (history-plan.ts). Items naming the same ticket are
 * applied in the order sent. Both the ticket API and the CSV import store tickets through this function.
 */
export async function upsertTickets(
  db: Db,
  target: TicketTarget,
  items: readonly RawItem[],
  options: { receivedAt?: Date } = {},
): Promise<TicketOutcome> {
  const receivedAt = options.receivedAt ?? new Date();
  const valid: Valid[] = [];
  const invalid: RejectedTicket[] = [];
  items.forEach((item, index) => {
    const read = normalizeTicket(item.raw, item.sizeBytes);
    if (isTicketRejection(read)) invalid.push({ index, ...read });
    else valid.push({ index, input: read, sizeBytes: item.sizeBytes ?? 0 });
  });
  return withRetry(() =>
    db.transaction(async (tx) => {
      const rejected = [...invalid];
      const [workspace] = await tx
        .select({ settings: workspaces.settings })
        .from(workspaces)
        .where(eq(workspaces.id, target.workspaceId))
        .for("key share");
      if (!workspace) throw new Error(`unknown workspace ${target.workspaceId}`);
      const customers = await linkTicketCustomers(
        tx,
        target.workspaceId,
        workspace.settings,
        valid.map((v) => v.input),
        receivedAt,
      );
      const linked: (Valid & { customerId: number })[] = [];
      valid.forEach((v, k) => {
        const customerId = customers[k];
        if (customerId == null) {
          rejected.push({
            index: v.index,
            externalId: v.input.externalId,
            reason: "missing_identity",
            message: "every identifier of this ticket is a blocked value (such as null, 0 or anonymous)",
          });
        } else linked.push({ ...v, customerId });
      });
      const results: TicketResult[] = [];
      for (const round of rounds(linked)) {
        results.push(...(await upsertRound(tx, target.workspaceId, round, receivedAt)));
      }
      await recordProblems(
        tx,
        target,
        receivedAt,
        rejected.map((r) => ({
          index: r.index,
          messageId: r.externalId === null ? null : `ticket:${r.externalId}`,
          reason: r.reason,
          message: r.message,
          payload: items[r.index]?.raw,
        })),
      );
      results.sort((a, b) => a.index - b.index);
      return {
        created: results.filter((r) => r.result === "created").length,
        updated: results.filter((r) => r.result === "updated").length,
        unchanged: results.filter((r) => r.result === "unchanged").length,
        rejected: rejected.sort((a, b) => a.index - b.index),
        tickets: results,
      };
    }),
  );
}

/**
 * Splits items so no round names a ticket twice: the first mention of each ticket, then the second, and so
 * on. Each round is written set-based; a batch without repeats is one round.
 */
function rounds<T extends { input: TicketInput }>(items: readonly T[]): T[][] {
  const seen = new Map<string, number>();
  const result: T[][] = [];
  for (const item of items) {
    const k = `${item.input.source}\u0000${item.input.externalId}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const round = result[n] ?? [];
    round.push(item);
    result[n] = round;
  }
  return result;
}

type StoredTicket = {
  id: number;
  source: string;
  externalId: string;
  customerId: number | null;
  channel: string;
  category: string | null;
  tags: string[];
  priority: string | null;
  status: string;
  subject: string | null;
  assignee: string | null;
  createdAt: Date;
  firstAgentReplyAt: Date | null;
  satisfactionRating: number | null;
  satisfactionComment: string | null;
  history: StatusChange[];
};

async function upsertRound(
  tx: Db,
  workspaceId: string,
  round: readonly (Valid & { customerId: number })[],
  receivedAt: Date,
): Promise<TicketResult[]> {
  const stored = await loadStored(tx, workspaceId, round);
  const writes: { item: Valid & { customerId: number }; changes: HistoryChanges; existed: boolean }[] = [];
  const results: TicketResult[] = [];
  for (const item of round) {
    const before = stored.get(ticketKey(item.input.source, item.input.externalId)) ?? null;
    const changes = historyChanges(item.input, before, receivedAt);
    const same =
      before !== null &&
      sameFields(before, item.input, item.customerId) &&
      changes.insert.length === 0 &&
      changes.remove.length === 0;
    if (same) {
      results.push({
        index: item.index,
        id: before.id,
        externalId: item.input.externalId,
        customerId: item.customerId,
        result: "unchanged",
      });
    } else writes.push({ item, changes, existed: before !== null });
  }
  if (writes.length === 0) return results;
  const ids = await writeTickets(
    tx,
    workspaceId,
    writes.map((w) => w.item),
    receivedAt,
  );
  const history: { ticket_id: number; status: TicketStatus; at: string; remove: boolean }[] = [];
  for (const { item, changes, existed } of writes) {
    const id = ids.get(ticketKey(item.input.source, item.input.externalId))!;
    results.push({
      index: item.index,
      id,
      externalId: item.input.externalId,
      customerId: item.customerId,
      result: existed ? "updated" : "created",
    });
    for (const c of changes.remove)
      history.push({ ticket_id: id, status: c.status, at: c.at.toISOString(), remove: true });
    for (const c of changes.insert)
      history.push({ ticket_id: id, status: c.status, at: c.at.toISOString(), remove: false });
  }
  await writeHistory(tx, workspaceId, history);
  return results;
}

function ticketKey(source: string, externalId: string) {
  return `${source}\u0000${externalId}`;
}

/** The stored tickets a round names, locked until the transaction ends, with their status history. */
async function loadStored(tx: Db, workspaceId: string, round: readonly { input: TicketInput }[]) {
  const keys = JSON.stringify(round.map((r) => ({ s: r.input.source, e: r.input.externalId })));
  const found = await rows<{
    id: number | string;
    source: string;
    external_id: string;
    customer_id: number | string | null;
    channel: string;
    category: string | null;
    tags: string[];
    priority: string | null;
    status: string;
    subject: string | null;
    assignee: string | null;
    created_at: string | Date;
    first_agent_reply_at: string | Date | null;
    satisfaction_rating: number | null;
    satisfaction_comment: string | null;
  }>(
    tx,
    sql`
      select t.id, t.source, t.external_id, t.customer_id, t.channel, t.category, t.tags, t.priority, t.status,
             t.subject, t.assignee, t.created_at, t.first_agent_reply_at, t.satisfaction_rating,
             t.satisfaction_comment
      from tickets t
      where t.workspace_id = ${workspaceId}
        and (t.source, t.external_id) in (select x.s, x.e from jsonb_to_recordset(${keys}::jsonb) as x(s text, e text))
      order by t.id
      for update of t
    `,
  );
  const byKey = new Map<string, StoredTicket>();
  const byId = new Map<number, StoredTicket>();
  for (const r of found) {
    const ticket: StoredTicket = {
      id: Number(r.id),
      source: r.source,
      externalId: r.external_id,
      customerId: r.customer_id === null ? null : Number(r.customer_id),
      channel: r.channel,
      category: r.category,
      tags: r.tags,
      priority: r.priority,
      status: r.status,
      subject: r.subject,
      assignee: r.assignee,
      createdAt: new Date(r.created_at),
      firstAgentReplyAt: r.first_agent_reply_at === null ? null : new Date(r.first_agent_reply_at),
      satisfactionRating: r.satisfaction_rating === null ? null : Number(r.satisfaction_rating),
      satisfactionComment: r.satisfaction_comment,
      history: [],
    };
    byKey.set(ticketKey(r.source, r.external_id), ticket);
    byId.set(ticket.id, ticket);
  }
  if (byId.size > 0) {
    const history = await rows<{ ticket_id: number | string; status: TicketStatus; changed_at: string | Date }>(
      tx,
      sql`
        select h.ticket_id, h.status, h.changed_at from ticket_status_history h
        where h.workspace_id = ${workspaceId} and h.ticket_id = any(${`{${[...byId.keys()].join(",")}}`}::bigint[])
      `,
    );
    for (const h of history)
      byId.get(Number(h.ticket_id))?.history.push({ status: h.status, at: new Date(h.changed_at) });
  }
  return byKey;
}

/** True when storing the payload would change none of the ticket's fields (its update time aside). */
function sameFields(stored: StoredTicket, input: TicketInput, customerId: number): boolean {
  const time = (d: Date | null) => (d === null ? null : d.getTime());
  return (
    stored.customerId === customerId &&
    stored.channel === input.channel &&
    stored.category === input.category &&
    stored.tags.length === input.tags.length &&
    stored.tags.every((tag, i) => tag === input.tags[i]) &&
    stored.priority === input.priority &&
    stored.status === input.status &&
    stored.subject === input.subject &&
    stored.assignee === input.assignee &&
    time(stored.createdAt) === time(input.createdAt) &&
    time(stored.firstAgentReplyAt) === time(input.firstAgentReplyAt) &&
    stored.satisfactionRating === input.satisfactionRating &&
    stored.satisfactionComment === input.satisfactionComment
  );
}

/** Inserts or overwrites the tickets; returns (source, externalId) → ticket id. */
async function writeTickets(
  tx: Db,
  workspaceId: string,
  items: readonly (Valid & { customerId: number })[],
  receivedAt: Date,
) {
  const values = items.map(({ input: t, customerId }) => ({
    source: t.source,
    external_id: t.externalId,
    customer_id: customerId,
    channel: t.channel,
    category: t.category,
    tags: t.tags,
    priority: t.priority,
    status: t.status,
    subject: t.subject,
    assignee: t.assignee,
    created_at: t.createdAt.toISOString(),
    first_agent_reply_at: t.firstAgentReplyAt?.toISOString() ?? null,
    satisfaction_rating: t.satisfactionRating,
    satisfaction_comment: t.satisfactionComment,
    updated_at: (t.updatedAt ?? t.history?.[t.history.length - 1]?.at ?? receivedAt).toISOString(),
  }));
  const written = await rows<{ id: number | string; source: string; external_id: string }>(
    tx,
    sql`
      insert into tickets (workspace_id, source, external_id, customer_id, channel, category, tags, priority, status,
                           subject, assignee, created_at, first_agent_reply_at, satisfaction_rating,
                           satisfaction_comment, updated_at)
      select ${workspaceId}::uuid, x.source, x.external_id, x.customer_id, x.channel, x.category,
             array(select jsonb_array_elements_text(x.tags)), x.priority, x.status, x.subject, x.assignee,
             x.created_at, x.first_agent_reply_at, x.satisfaction_rating, x.satisfaction_comment, x.updated_at
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(
        source text, external_id text, customer_id bigint, channel text, category text, tags jsonb, priority text,
        status text, subject text, assignee text, created_at timestamptz, first_agent_reply_at timestamptz,
        satisfaction_rating int, satisfaction_comment text, updated_at timestamptz)
      order by x.source, x.external_id
      on conflict (workspace_id, source, external_id) do update set
        customer_id = excluded.customer_id, channel = excluded.channel, category = excluded.category,
        tags = excluded.tags, priority = excluded.priority, status = excluded.status, subject = excluded.subject,
        assignee = excluded.assignee, created_at = excluded.created_at,
        first_agent_reply_at = excluded.first_agent_reply_at, satisfaction_rating = excluded.satisfaction_rating,
        satisfaction_comment = excluded.satisfaction_comment, updated_at = excluded.updated_at
      returning id, source, external_id
    `,
  );
  return new Map(written.map((w) => [ticketKey(w.source, w.external_id), Number(w.id)]));
}

async function writeHistory(
  tx: Db,
  workspaceId: string,
  changes: readonly { ticket_id: number; status: TicketStatus; at: string; remove: boolean }[],
) {
  const removed = changes.filter((c) => c.remove);
  const added = changes.filter((c) => !c.remove);
  if (removed.length > 0) {
    await tx.execute(sql`
      delete from ticket_status_history h
      using jsonb_to_recordset(${JSON.stringify(removed)}::jsonb) as x(ticket_id bigint, status text, at timestamptz)
      where h.workspace_id = ${workspaceId} and h.ticket_id = x.ticket_id and h.status = x.status
        and h.changed_at = x.at
    `);
  }
  if (added.length > 0) {
    await tx.execute(sql`
      insert into ticket_status_history (workspace_id, ticket_id, status, changed_at)
      select ${workspaceId}::uuid, x.ticket_id, x.status, x.at
      from jsonb_to_recordset(${JSON.stringify(added)}::jsonb) as x(ticket_id bigint, status text, at timestamptz)
      order by x.ticket_id, x.at, x.status
      on conflict do nothing
    `);
  }
}
