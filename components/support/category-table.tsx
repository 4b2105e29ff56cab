import Link from "next/link";
import { formatNumber } from "@/lib/format";
import type { DateRange } from "@/lib/metrics/kpis/period";
import { ticketListHref } from "@/lib/support/ticket-list";
import type { TicketStats } from "@/lib/support/ticket-stats";
import { medianAndP90, rateOf } from "./format";

/** Every support number per category; a category opens its tickets. */
export function CategoryTable({
  rows,
  totals,
  range,
}: {
  rows: (TicketStats & { category: string })[];
  totals: TicketStats;
  range: DateRange;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-right text-sm">
        <caption className="sr-only">Support numbers per category</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 text-left font-medium">Category</th>
            <th className="px-2 py-2 font-medium">Tickets</th>
            <th className="px-2 py-2 font-medium">First response</th>
            <th className="px-2 py-2 font-medium">First resolution</th>
            <th className="px-2 py-2 font-medium">Full resolution</th>
            <th className="px-2 py-2 font-medium">Never solved</th>
            <th className="px-2 py-2 font-medium">Reopen rate</th>
            <th className="px-2 py-2 font-medium">CSAT</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 whitespace-nowrap tabular-nums">
          {rows.map((r) => (
            <Row key={r.category} label={r.category} stats={r} href={ticketListHref({ range, category: r.category })} />
          ))}
          <Row label="All categories" stats={totals} href={ticketListHref({ range })} strong />
        </tbody>
      </table>
    </div>
  );
}

function Row({ label, stats, href, strong }: { label: string; stats: TicketStats; href: string; strong?: boolean }) {
  return (
    <tr className={strong ? "font-semibold" : undefined}>
      <th scope="row" className="py-1.5 text-left font-medium whitespace-nowrap">
        <Link href={href} className="text-brand-700 hover:underline">
          {label}
        </Link>
      </th>
      <td className="px-2 py-1.5">{formatNumber(stats.tickets)}</td>
      <td className="px-2 py-1.5">{medianAndP90(stats.firstResponse)}</td>
      <td className="px-2 py-1.5">{medianAndP90(stats.firstResolution)}</td>
      <td className="px-2 py-1.5">{medianAndP90(stats.fullResolution)}</td>
      <td className="px-2 py-1.5">{formatNumber(stats.firstResolution.missing)}</td>
      <td className="px-2 py-1.5">{rateOf(stats.reopen)}</td>
      <td className="px-2 py-1.5">{rateOf(stats.csat)}</td>
    </tr>
  );
}
