import type { CustomerTicket } from "@/lib/customers/customer-tickets";
import { formatDateTime } from "@/lib/format";
import type { TicketDetails } from "@/lib/tickets/details";
import { TicketStatusBadge } from "./ticket-status";

/** A ticket opened on the profile: the fields the table leaves out, and every status change it went through. */
export function TicketDetailsPanel({
  ticket,
  details,
  timeZone,
}: {
  ticket: CustomerTicket;
  details: TicketDetails;
  timeZone: string;
}) {
  return (
    <div className="mt-2 space-y-3 rounded-md border border-slate-200 bg-white p-3 text-xs text-slate-700">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Ticket</dt>
        <dd>
          {ticket.externalId} <span className="text-slate-400">from {details.source}</span>
        </dd>
        <dt className="text-slate-500">Assignee</dt>
        <dd>{details.assignee ?? "Unassigned"}</dd>
        <dt className="text-slate-500">Tags</dt>
        <dd>
          {details.tags.length === 0
            ? "None"
            : details.tags.map((tag) => (
                <span key={tag} className="mr-1 inline-block rounded bg-slate-100 px-1.5 py-0.5">
                  {tag}
                </span>
              ))}
        </dd>
        <dt className="text-slate-500">Satisfaction</dt>
        <dd>
          {details.satisfactionRating === null ? "Not rated" : `${details.satisfactionRating} of 5`}
          {details.satisfactionComment ? <q className="ml-2 italic">{details.satisfactionComment}</q> : null}
        </dd>
        <dt className="text-slate-500">Last updated</dt>
        <dd>{formatDateTime(details.updatedAt, timeZone)}</dd>
      </dl>
      <div>
        <h4 className="mb-1 font-medium text-slate-600">Status history</h4>
        {details.history.length === 0 ? (
          <p className="text-slate-500">No status changes recorded.</p>
        ) : (
          <ol className="space-y-1">
            {details.history.map((change) => (
              <li key={`${change.at.toISOString()}-${change.status}`} className="flex items-center gap-2">
                <span className="w-40 whitespace-nowrap text-slate-500">{formatDateTime(change.at, timeZone)}</span>
                <TicketStatusBadge status={change.status} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
