import type { TimelineEvent } from "@/lib/customers/timeline";
import { formatDateTime } from "@/lib/format";
import { EventProperties } from "./event-properties";

/** One page of the customer's events, newest first. */
export function EventTimeline({ events, timeZone }: { events: TimelineEvent[]; timeZone: string }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="w-44 py-2 pr-4 font-medium">When</th>
          <th className="w-64 py-2 pr-4 font-medium">Event</th>
          <th className="py-2 font-medium">Properties</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {events.map((event) => (
          <tr key={event.id}>
            <td className="py-2 pr-4 align-top whitespace-nowrap text-slate-600">
              {formatDateTime(event.timestamp, timeZone)}
            </td>
            <td className="py-2 pr-4 align-top">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{event.type}</span>{" "}
              <span className="break-words">{event.name ?? ""}</span>
            </td>
            <td className="py-2 align-top">
              <EventProperties properties={event.properties} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
