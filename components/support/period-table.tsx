import { formatNumber } from "@/lib/format";
import type { TicketStats } from "@/lib/support/ticket-stats";
import { medianAndP90, rateOf } from "./format";

export type PeriodRow = { label: string; complete: boolean; stats: TicketStats };

/** The numbers behind the time charts, one row per period, for exact values and screen readers. */
export function PeriodTable({ rows }: { rows: PeriodRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-right text-sm">
        <caption className="sr-only">Support numbers per period</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 text-left font-medium">Period</th>
            <th className="px-2 py-2 font-medium">Tickets</th>
            <th className="px-2 py-2 font-medium">First response</th>
            <th className="px-2 py-2 font-medium">First resolution</th>
            <th className="px-2 py-2 font-medium">Full resolution</th>
            <th className="px-2 py-2 font-medium">Reopen rate</th>
            <th className="px-2 py-2 font-medium">CSAT</th>
            <th className="px-2 py-2 font-medium">Follow-up</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 whitespace-nowrap tabular-nums">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="py-1.5 text-left font-medium whitespace-nowrap text-slate-700">
                {r.label}
                {r.complete ? "" : " (so far)"}
              </th>
              <td className="px-2 py-1.5">{formatNumber(r.stats.tickets)}</td>
              <td className="px-2 py-1.5">{medianAndP90(r.stats.firstResponse)}</td>
              <td className="px-2 py-1.5">{medianAndP90(r.stats.firstResolution)}</td>
              <td className="px-2 py-1.5">{medianAndP90(r.stats.fullResolution)}</td>
              <td className="px-2 py-1.5">{rateOf(r.stats.reopen)}</td>
              <td className="px-2 py-1.5">{rateOf(r.stats.csat)}</td>
              <td className="px-2 py-1.5">{rateOf(r.stats.followUp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
