import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";
import { type DateRange, isLocalDate } from "@/lib/metrics/kpis/period";
import { startOfLocalDay } from "@/lib/metrics/kpis/sql";
import { isResolved, NO_CATEGORY, toDate } from "./sql";
import { REPEAT_WINDOW_DAYS } from "./ticket-facts";

export const TICKETS_PER_PAGE = 50;

/** The drill-down behind every number of the Support page: which tickets it counted. */
export type TicketListQuery = {
  /** Tickets created in this range (local days); none: any time (the open backlog). */
  range: DateRange | null;
  /** A category, or "(none)" for tickets without one. */
  category: string | null;
  channel: string | null;
  /** Only repeat tickets (same customer, same category within 30 days before). */
  repeat: boolean;
  /** Only tickets open now (not solved or closed). */
  open: boolean;
  page: number;
};

const localDate = z.string().refine(isLocalDate, "Use a real calendar date as YYYY-MM-DD");
const flag = z.enum(["1", "true"], { message: "Use 1 or leave it out" });

const schema = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    category: z.string().trim().min(1, "Name a category").max(200, "At most 200 characters").optional(),
    channel: z.string().trim().min(1, "Name a channel").max(50, "At most 50 characters").optional(),
    repeat: flag.optional(),
    open: flag.optional(),
    page: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, "Use a page number from 1")
      .optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.from === undefined ? "from" : "to"], message: "Give both from and to" });
    } else if (q.from && q.to && isLocalDate(q.from) && isLocalDate(q.to) && q.from > q.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Must be on or after from" });
    }
  });

/** The list's URL parameters, or Invalid naming the first wrong one. */
export function parseTicketListQuery(get: (name: string) => string | null): TicketListQuery {
  const names = ["from", "to", "category", "channel", "repeat", "open", "page"] as const;
  const parsed = schema.safeParse(Object.fromEntries(names.map((n) => [n, get(n) ?? undefined])));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "query"] ??= issue.message;
    const [name, message] = Object.entries(fields)[0] ?? ["query", "Invalid"];
    throw new Invalid(`Invalid parameter ${name}: ${message}`, fields);
  }
  const q = parsed.data;
  return {
    range: q.from && q.to ? { from: q.from, to: q.to } : null,
    category: q.category ?? null,
    channel: q.channel ?? null,
    repeat: q.repeat !== undefined,
    open: q.open !== undefined,
    page: q.page ? Number(q.page) : 1,
  };
}

/** The URL of a ticket list (the page's own links and the Support page's drill-downs). */
export function ticketListHref(query: Partial<TicketListQuery>): string {
  const params = new URLSearchParams();
  if (query.range) {
    params.set("from", query.range.from);
    params.set("to", query.range.to);
  }
  if (query.category) params.set("category", query.category);
  if (query.channel) params.set("channel", query.channel);
  if (query.repeat) params.set("repeat", "1");
  if (query.open) params.set("open", "1");
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `/support/tickets?${text}` : "/support/tickets";
}

export type ListedTicket = {
  id: number;
  externalId: string;
  subject: string | null;
  category: string;
  channel: string;
  priority: string | null;
  status: string;
  createdAt: Date;
  firstReplyAt: Date | null;
  firstSolvedAt: Date | null;
  satisfactionRating: number | null;
  customer: { id: number; email: string | null; name: string | null } | null;
};

/**
 * One page of the tickets matching the query, newest first, with their customer (the profile link) and first
 * solution. Created-range filters use tickets_created_idx; the repeat test is the same as ticketFacts'.
 */
export async function listTickets(
  db: Db,
  workspaceId: string,
  timeZone: string,
  query: TicketListQuery,
): Promise<{ tickets: ListedTicket[]; total: number }> {
  const conditions: SQL[] = [sql`t.workspace_id = ${workspaceId}`];
  if (query.range) {
    conditions.push(sql`t.created_at >= ${startOfLocalDay(sql`${query.range.from}::date`, timeZone)}`);
    conditions.push(sql`t.created_at < ${startOfLocalDay(sql`${query.range.to}::date + 1`, timeZone)}`);
  }
  if (query.category === NO_CATEGORY) conditions.push(sql`t.category is null`);
  else if (query.category) conditions.push(sql`t.category = ${query.category}`);
  if (query.channel) conditions.push(sql`t.channel = ${query.channel}`);
  if (query.open) conditions.push(sql`not ${isResolved(sql`t.status`)}`);
  if (query.repeat) {
    conditions.push(sql`t.category is not null and t.customer_id is not null and exists (
      select 1 from tickets p
      where p.workspace_id = t.workspace_id and p.customer_id = t.customer_id and p.category = t.category
        and p.created_at >= t.created_at - ${REPEAT_WINDOW_DAYS * 24} * interval '1 hour' and (p.created_at, p.id) < (t.created_at, t.id)
    )`);
  }
  const found = await rows<Record<string, unknown>>(
    db,
    sql`
      select t.id, t.external_id, t.subject, coalesce(t.category, ${NO_CATEGORY}) as category, t.channel, t.priority,
             t.status, t.created_at, t.first_agent_reply_at, t.satisfaction_rating,
             (select min(h.changed_at) from ticket_status_history h
              where h.workspace_id = t.workspace_id and h.ticket_id = t.id and ${isResolved(sql`h.status`)}) as first_solved_at,
             c.id as customer_id, c.email, c.traits ->> 'name' as customer_name,
             count(*) over () as total
      from tickets t
      left join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id
      where ${sql.join(conditions, sql` and `)}
      order by t.created_at desc, t.id desc
      limit ${TICKETS_PER_PAGE} offset ${(query.page - 1) * TICKETS_PER_PAGE}
    `,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    tickets: found.map((r) => ({
      id: Number(r.id),
      externalId: String(r.external_id),
      subject: r.subject === null ? null : String(r.subject),
      category: String(r.category),
      channel: String(r.channel),
      priority: r.priority === null ? null : String(r.priority),
      status: String(r.status),
      createdAt: toDate(r.created_at) as Date,
      firstReplyAt: toDate(r.first_agent_reply_at),
      firstSolvedAt: toDate(r.first_solved_at),
      satisfactionRating: r.satisfaction_rating === null ? null : Number(r.satisfaction_rating),
      customer:
        r.customer_id === null
          ? null
          : {
              id: Number(r.customer_id),
              email: r.email === null ? null : String(r.email),
              name: r.customer_name === null ? null : String(r.customer_name),
            },
    })),
  };
}
