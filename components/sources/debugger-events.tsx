import type { DebuggerEvent } from "@/lib/sources/debugger";
import { formatDebuggerTime } from "./debugger-time";

/**
 * Received events, newest first. Each row is a <details>: the browser keeps a row open across the polling
 * re-renders (rows are keyed by event id), with no state of our own.
 */
export function DebuggerEvents({ events, timeZone }: { events: DebuggerEvent[]; timeZone: string }) {
  return (
    // Scrolls inside a fixed height, so the rejected events below stay in view however many events arrive.
    <ul
      className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
      aria-label="Received events"
    >
      {events.map((event) => (
        <li key={event.id}>
          <details>
            <summary className="grid cursor-pointer grid-cols-[9.5rem_5rem_1fr_14rem] items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
              <span className="font-mono text-xs text-slate-600">{formatDebuggerTime(event.receivedAt, timeZone)}</span>
              <span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{event.type}</span>
              </span>
              <span className="truncate font-medium">
                {event.name ?? <span className="text-slate-400">(no name)</span>}
              </span>
              <span
                className="truncate font-mono text-xs text-slate-600"
                title={event.userId ?? event.anonymousId ?? ""}
              >
                {event.userId ? `user ${event.userId}` : event.anonymousId ? `anon ${event.anonymousId}` : "—"}
              </span>
            </summary>
            <div className="space-y-2 bg-slate-50 px-3 py-3 text-xs">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-slate-600">
                <dt>Message id</dt>
                <dd className="font-mono">{event.messageId}</dd>
                <dt>Event time</dt>
                <dd>{formatDebuggerTime(event.timestamp, timeZone)}</dd>
                <dt>Anonymous id</dt>
                <dd className="font-mono">{event.anonymousId ?? "—"}</dd>
              </dl>
              <pre className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-slate-800 ring-1 ring-slate-200">
                {JSON.stringify(event.properties, null, 2)}
              </pre>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
