import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

export type CustomerTicket = {
  id: number;
  externalId: string;
  subject: string | null;
  category: string | null;
  channel: string;
  priority: string | null;
  status: string;
  createdAt: Date;
  firstAgentReplyAt: Date | null;
};

/** A customer's support tickets, newest first: the latest `limit` and how many there are in all. */
export async function customerTickets(
  db: Db,
  workspaceId: string,
  customerId: number,
  limit = 50,
): Promise<{ tickets: CustomerTicket[]; total: number }> {
  const found = await rows<{
    id: number | string;
    external_id: string;
    subject: string | null;
    category: string | null;
    channel: string;
    priority: string | null;
    status: string;
    created_at: string | Date;
    first_agent_reply_at: string | Date | null;
    total: number | string;
  }>(
    db,
    sql`
      select t.id, t.external_id, t.subject, t.category, t.channel, t.priority, t.status, t.created_at,
             t.first_agent_reply_at, count(*) over () as total
      from tickets t
      where t.workspace_id = ${workspaceId} and t.customer_id = ${customerId}
      order by t.created_at desc, t.id desc
      limit ${limit}
    `,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    tickets: found.map((t) => ({
      id: Number(t.id),
      externalId: t.external_id,
      subject: t.subject,
      category: t.category,
      channel: t.channel,
      priority: t.priority,
      status: t.status,
      createdAt: new Date(t.created_at),
      firstAgentReplyAt: t.first_agent_reply_at === null ? null : new Date(t.first_agent_reply_at),
    })),
  };
}
