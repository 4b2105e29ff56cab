import Link from "next/link";
import { formatRate } from "@/components/metrics/kpi-format";
import { formatNumber } from "@/lib/format";
import type { DateRange } from "@/lib/metrics/kpis/period";
import type { RepeatIssues } from "@/lib/support/report";
import { ticketListHref } from "@/lib/support/ticket-list";

/** Categories by repeat tickets, most first, each with a bar of its repeat share and links to its tickets. */
export function RepeatIssuesTable({ rows, range }: { rows: RepeatIssues[]; range: DateRange }) {
  return (
    <table className="w-full text-right text-sm">
      <caption className="sr-only">Repeat issues per category</caption>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 text-left font-medium">Category</th>
          <th className="py-2 font-medium">Repeat tickets</th>
          <th className="py-2 font-medium">Of tickets</th>
          <th className="w-1/3 py-2 pl-4 text-left font-medium">Repeat share</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((r) => (
          <tr key={r.category}>
            <th scope="row" className="py-1.5 text-left font-medium">
              <Link href={ticketListHref({ range, category: r.category })} className="text-brand-700 hover:underline">
                {r.category}
              </Link>
            </th>
            <td className="py-1.5">
              {r.numerator > 0 ? (
                <Link
                  href={ticketListHref({ range, category: r.category, repeat: true })}
                  className="text-brand-700 hover:underline"
                  aria-label={`${formatNumber(r.numerator)} repeat tickets in ${r.category}`}
                >
                  {formatNumber(r.numerator)}
                </Link>
              ) : (
                "0"
              )}
            </td>
            <td className="py-1.5">{formatNumber(r.denominator)}</td>
            <td className="py-1.5 pl-4">
              <div className="flex items-center gap-2">
                <div className="h-2 flex-1 rounded bg-slate-100">
                  <div className="h-2 rounded bg-orange-500" style={{ width: `${Math.round((r.rate ?? 0) * 100)}%` }} />
                </div>
                <span className="w-14 text-right">{formatRate(r.rate)}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
