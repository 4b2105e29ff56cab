import { isTicketChange, type TicketChange, type TimelineEntry, type TimelineEvent } from "@/lib/customers/timeline";
import { formatDateTime } from "@/lib/format";
import { SYSTEM_EVENT_TYPE } from "@/lib/ingest/system-events";
import { ticketAnchor } from "@/lib/tickets/links";
import { EventProperties } from "./event-properties";
import { TicketStatusBadge } from "./ticket-status";

const CHANGE_TEXT: Record<TicketChange["change"], string> = {
  created: "Ticket opened",
  solved: "Ticket solved",
  reopened: "Ticket reopened",
};

/** One page of the customer's timeline, newest first: events, and the moments of their support tickets. */
export function EventTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="w-44 py-2 pr-4 font-medium">When</th>
          <th className="w-64 py-2 pr-4 font-medium">Event</th>
          <th className="py-2 font-medium">Details</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map((entry) =>
          isTicketChange(entry) ? (
            <tr
              key={`ticket-${entry.ticket.id}-${entry.change}-${entry.timestamp.toISOString()}`}
              className="bg-amber-50/40"
              data-testid="timeline-ticket"
            >
              <td className="py-2 pr-4 align-top whitespace-nowrap text-slate-600">
                {formatDateTime(entry.timestamp, timeZone)}
              </td>
              <td className="py-2 pr-4 align-top">
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">ticket</span>{" "}
                <span>{CHANGE_TEXT[entry.change]}</span>
              </td>
              <td className="py-2 align-top text-xs text-slate-600">
                <a href={`#${ticketAnchor(entry.ticket.id)}`} className="font-medium text-brand-700 hover:underline">
                  {entry.ticket.subject ?? "(no subject)"}
                </a>{" "}
                <span className="text-slate-500">
                  {entry.ticket.externalId} · {entry.ticket.category ?? "no category"} · {entry.ticket.channel} · now
                </span>{" "}
                <TicketStatusBadge status={entry.ticket.status} />
              </td>
            </tr>
          ) : (
            <tr key={entry.id}>
              <td className="py-2 pr-4 align-top whitespace-nowrap text-slate-600">
                {formatDateTime(entry.timestamp, timeZone)}
              </td>
              <td className="py-2 pr-4 align-top">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{entry.type}</span>{" "}
                <span className="break-words">{entry.name ?? ""}</span>
              </td>
              <td className="py-2 align-top">
                <SegmentLink event={entry} />
                <EventProperties properties={entry.properties} />
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** Segment Entered / Exited (recorded by Tenure): a link to the segment, named as it was at the time. */
function SegmentLink({ event }: { event: TimelineEvent }) {
  const { segment_id: id, segment_name: name } = event.properties;
  if (event.type !== SYSTEM_EVENT_TYPE || typeof id !== "string") return null;
  return (
    <a href={`/segments/${encodeURIComponent(id)}`} className="mr-2 text-xs font-medium text-brand-700 hover:underline">
      {typeof name === "string" ? name : "Segment"}
    </a>
  );
}
