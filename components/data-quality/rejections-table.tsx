import type { RejectionSummary } from "@/lib/data-quality/rejections";
import { formatDateTime, formatNumber } from "@/lib/format";

export function RejectionsTable({ summary, timeZone }: { summary: RejectionSummary; timeZone: string }) {
  if (summary.reasons.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No events were rejected in the last 7 days: everything the sources sent was accepted. When the tracking API
        refuses an event (invalid JSON, no userId or anonymousId, too large…), it is counted here by reason, and each
        source&apos;s live debugger shows the payload.
      </p>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Reason</th>
          <th className="py-2 pr-4 text-right font-medium">Events</th>
          <th className="py-2 pr-4 font-medium">Latest message</th>
          <th className="py-2 font-medium">Latest</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {summary.reasons.map((r) => (
          <tr key={r.reason}>
            <td className="py-2 pr-4">
              <span className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-700">{r.reason}</span>
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(r.count)}</td>
            <td className="py-2 pr-4 text-slate-700">{r.latestMessage}</td>
            <td className="py-2 whitespace-nowrap text-slate-600">{formatDateTime(r.latestAt, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
