import { formatRate } from "@/components/metrics/kpi-format";
import { formatNumber } from "@/lib/format";
import type { SearchQueryStats } from "@/lib/support/help-center";

/** One list of help-center queries: the count that matters for it first, then the searches in all. */
export function SearchQueryTable({
  caption,
  rows,
  countLabel,
  count,
  empty,
  share,
}: {
  caption: string;
  rows: SearchQueryStats[];
  countLabel: string;
  count: (q: SearchQueryStats) => number;
  empty: string;
  /** An extra column: the counted searches as a share of the query's searches. */
  share?: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  return (
    <table className="w-full text-right text-sm">
      <caption className="mb-2 text-left text-xs font-semibold uppercase text-slate-500">{caption}</caption>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 text-left font-medium">Query</th>
          <th className="py-2 font-medium">{countLabel}</th>
          <th className="py-2 font-medium">Searches</th>
          {share ? <th className="py-2 font-medium">{share}</th> : null}
          <th className="py-2 font-medium">Customers</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((q) => (
          <tr key={q.query}>
            <th scope="row" className="py-1.5 text-left font-medium text-slate-700">
              “{q.query}”
            </th>
            <td className="py-1.5 font-medium">{formatNumber(count(q))}</td>
            <td className="py-1.5">{formatNumber(q.searches)}</td>
            {share ? <td className="py-1.5">{formatRate(count(q) / q.searches)}</td> : null}
            <td className="py-1.5">{formatNumber(q.customers)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
