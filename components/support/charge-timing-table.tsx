import { formatRate } from "@/components/metrics/kpi-format";
import { formatNumber } from "@/lib/format";
import { AFTER_CHARGE_DAYS, type ChargeTimingRow } from "@/lib/support/charge-timing";

/** Per category: the share of tickets written within 3 days after the customer's latest subscription charge. */
export function ChargeTimingTable({ rows }: { rows: ChargeTimingRow[] }) {
  return (
    <table className="w-full text-right text-sm">
      <caption className="sr-only">
        Tickets written within {AFTER_CHARGE_DAYS} days after a charge, per category
      </caption>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 text-left font-medium">Category</th>
          <th className="py-2 font-medium">Tickets after a charge</th>
          <th className="py-2 font-medium">Within {AFTER_CHARGE_DAYS} days</th>
          <th className="w-1/3 py-2 pl-4 text-left font-medium">Share</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((r) => (
          <tr key={r.category}>
            <th scope="row" className="py-1.5 text-left font-medium text-slate-700">
              {r.category}
            </th>
            <td className="py-1.5">{formatNumber(r.withCharge)}</td>
            <td className="py-1.5">{formatNumber(r.afterCharge)}</td>
            <td className="py-1.5 pl-4">
              <div className="flex items-center gap-2">
                <div className="h-2 flex-1 rounded bg-slate-100">
                  <div className="h-2 rounded bg-brand-500" style={{ width: `${Math.round((r.rate ?? 0) * 100)}%` }} />
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
