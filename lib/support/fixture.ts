import type { Db } from "@/lib/db/client";
import { ticketStatusHistory, tickets } from "@/lib/db/schema";

/** A hand-built ticket for the support tests: its status history in order; its status is the last one. */
export type FixtureTicket = {
  id: number;
  customer: number | null;
  category: string | null;
  channel?: string;
  created: string;
  reply?: string;
  /** [status, ISO instant] in order; "new" at creation is added first. */
  history?: [string, string][];
  rating?: number;
};

/** Writes tickets and their status history as the ticket API stores them (lib/db/schema/tickets.ts). */
export async function addTickets(db: Db, workspaceId: string, list: FixtureTicket[]) {
  await db.insert(tickets).values(
    list.map((t) => {
      const history = t.history ?? [];
      return {
        workspaceId,
        id: t.id,
        externalId: `T${t.id}`,
        customerId: t.customer,
        channel: t.channel ?? "email",
        category: t.category,
        status: history.at(-1)?.[0] ?? "new",
        subject: `Ticket ${t.id}`,
        createdAt: new Date(t.created),
        firstAgentReplyAt: t.reply ? new Date(t.reply) : null,
        satisfactionRating: t.rating ?? null,
      };
    }),
  );
  const rows = list.flatMap((t) =>
    [["new", t.created] as [string, string], ...(t.history ?? [])].map(([status, at]) => ({
      workspaceId,
      ticketId: t.id,
      status,
      changedAt: new Date(at),
    })),
  );
  await db.insert(ticketStatusHistory).values(rows);
}
