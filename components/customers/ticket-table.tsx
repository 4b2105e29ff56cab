import type { CustomerTicket } from "@/lib/customers/customer-tickets";
import { formatDateTime } from "@/lib/format";
import type { TicketDetails } from "@/lib/tickets/details";
import { ticketAnchor } from "@/lib/tickets/links";
import { TicketDetailsPanel } from "./ticket-details";
import { TicketStatusBadge } from "./ticket-status";

/**
 * The customer's support tickets, newest first: what they asked about, and how quickly we answered. Each row
 * opens to the ticket's details and status history; its anchor (lib/tickets/links.ts) is what the timeline and
 * other pages link to, and following such a link opens the row.
 */
export function TicketTable({
  tickets,
  details,
  timeZone,
}: {
  tickets: CustomerTicket[];
  details: ReadonlyMap<number, TicketDetails>;
  timeZone: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Subject</th>
            <th className="py-2 pr-4 font-medium">Category</th>
            <th className="py-2 pr-4 font-medium">Status</th>
            <th className="py-2 pr-4 font-medium">Created</th>
            <th className="py-2 font-medium">First reply</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tickets.map((t) => {
            const more = details.get(t.id);
            return (
              <tr key={t.id} id={ticketAnchor(t.id)} className="scroll-mt-4 align-top target:bg-amber-50">
                <td className="py-2 pr-4">
                  {more ? (
                    <details data-ticket-details>
                      <summary className="cursor-pointer marker:text-slate-400">
                        <span className="font-medium text-slate-800">{t.subject ?? "(no subject)"}</span>
                        <TicketLine ticket={t} />
                      </summary>
                      <TicketDetailsPanel ticket={t} details={more} timeZone={timeZone} />
                    </details>
                  ) : (
                    <>
                      <div className="font-medium text-slate-800">{t.subject ?? "(no subject)"}</div>
                      <TicketLine ticket={t} />
                    </>
                  )}
                </td>
                <td className="py-2 pr-4 text-slate-600">{t.category ?? "—"}</td>
                <td className="py-2 pr-4">
                  <TicketStatusBadge status={t.status} />
                </td>
                <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{formatDateTime(t.createdAt, timeZone)}</td>
                <td className="py-2 whitespace-nowrap text-slate-600">
                  {t.firstAgentReplyAt ? (
                    <>
                      {formatDateTime(t.firstAgentReplyAt, timeZone)}
                      <div className="text-xs text-slate-500">{waited(t.createdAt, t.firstAgentReplyAt)} later</div>
                    </>
                  ) : (
                    "No reply yet"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The ticket's id, channel and priority under its subject. */
function TicketLine({ ticket: t }: { ticket: CustomerTicket }) {
  return (
    <span className="block pl-3.5 text-xs text-slate-500">
      {t.externalId} · {t.channel}
      {t.priority ? ` · ${t.priority} priority` : ""}
    </span>
  );
}

function waited(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
