import type { DebuggerRejection } from "@/lib/sources/debugger";
import { formatDebuggerTime } from "./debugger-time";

/** Rejected events, newest first, with the reason the sender was given; opening one shows what was sent. */
export function DebuggerRejections({ rejections, timeZone }: { rejections: DebuggerRejection[]; timeZone: string }) {
  return (
    <ul
      className="max-h-[28rem] divide-y divide-red-100 overflow-y-auto rounded-md border border-red-200"
      aria-label="Rejected events"
    >
      {rejections.map((rejection) => (
        <li key={rejection.id}>
          <details>
            <summary className="grid cursor-pointer grid-cols-[9.5rem_10rem_1fr] items-center gap-3 px-3 py-2 text-sm hover:bg-red-50/50">
              <span className="font-mono text-xs text-slate-600">
                {formatDebuggerTime(rejection.receivedAt, timeZone)}
              </span>
              <span>
                <span className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-700">
                  {rejection.reason}
                </span>
              </span>
              <span className="truncate text-slate-700">{rejection.message}</span>
            </summary>
            <div className="space-y-2 bg-slate-50 px-3 py-3 text-xs">
              {rejection.messageId ? (
                <p className="text-slate-600">
                  Message id <span className="font-mono">{rejection.messageId}</span>
                </p>
              ) : null}
              <pre className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-slate-800 ring-1 ring-slate-200">
                {rejection.payload === null || rejection.payload === undefined
                  ? "(payload not kept)"
                  : JSON.stringify(rejection.payload, null, 2)}
              </pre>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
