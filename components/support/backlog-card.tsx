import Link from "next/link";
import { formatDuration } from "@/components/metrics/kpi-format";
import { formatNumber } from "@/lib/format";
import { AGE_BANDS, type Backlog } from "@/lib/support/backlog";
import { ticketListHref } from "@/lib/support/ticket-list";

/** The open backlog now: how many, how old, per category; each category opens its open tickets. */
export function BacklogTable({ backlog }: { backlog: Backlog }) {
  if (backlog.open === 0) {
    return <p className="text-sm text-slate-700">No open tickets: every ticket is solved or closed.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-right text-sm">
        <caption className="sr-only">Open tickets per category and age</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 text-left font-medium">Category</th>
            <th className="py-2 font-medium">Open</th>
            <th className="py-2 font-medium">Median age</th>
            <th className="py-2 font-medium">Oldest</th>
            {AGE_BANDS.map((b) => (
              <th key={b.label} className="px-1 py-2 font-medium whitespace-nowrap">
                {b.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 whitespace-nowrap tabular-nums">
          {[...backlog.byCategory, backlog].map((g) => (
            <tr key={g.category} className={g === backlog ? "font-semibold" : undefined}>
              <th scope="row" className="py-1.5 text-left font-medium whitespace-nowrap">
                <Link
                  href={ticketListHref({ open: true, category: g === backlog ? null : g.category })}
                  className="text-brand-700 hover:underline"
                >
                  {g.category}
                </Link>
              </th>
              <td className="py-1.5">{formatNumber(g.open)}</td>
              <td className="py-1.5">{formatDuration(g.medianAgeSeconds)}</td>
              <td className="py-1.5">{formatDuration(g.oldestAgeSeconds)}</td>
              {g.bands.map((n, i) => (
                <td key={AGE_BANDS[i]?.label} className="py-1.5">
                  {formatNumber(n)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
