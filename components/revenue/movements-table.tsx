import { formatRate } from "@/components/metrics/kpi-format";
import { formatMoney } from "@/lib/format";
import { LOSSES, MOVEMENT_COLORS, MOVEMENTS, type Movement } from "./movements";

export type MovementRow = {
  label: string;
  complete: boolean;
  startMrr: number;
  endMrr: number;
  movements: Record<Movement, number>;
  grossMrrChurn: number | null;
  netMrrChurn: number | null;
};

/** The numbers behind the MRR charts, one row per period, for reading exact values and for screen readers. */
export function MovementsTable({ rows, currency }: { rows: MovementRow[]; currency: string }) {
  const money = (value: number) => formatMoney(value, currency);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-right text-sm">
        <caption className="sr-only">MRR movements per period</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 text-left font-medium">Period</th>
            <th className="py-2 font-medium">Start MRR</th>
            {MOVEMENTS.map((m) => (
              <th key={m} className="py-2 font-medium">
                <span className="mr-1 inline-block size-2 rounded-full" style={{ background: MOVEMENT_COLORS[m] }} />
                {m}
              </th>
            ))}
            <th className="py-2 font-medium">End MRR</th>
            <th className="py-2 font-medium">Gross churn</th>
            <th className="py-2 font-medium">Net churn</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="py-1.5 text-left font-medium whitespace-nowrap text-slate-700">
                {r.label}
                {r.complete ? "" : " (so far)"}
              </th>
              <td className="py-1.5">{money(r.startMrr)}</td>
              {MOVEMENTS.map((m) => (
                <td key={m} className="py-1.5">
                  {LOSSES.has(m) && r.movements[m] > 0 ? "−" : ""}
                  {money(r.movements[m])}
                </td>
              ))}
              <td className="py-1.5 font-medium">{money(r.endMrr)}</td>
              <td className="py-1.5">{formatRate(r.grossMrrChurn)}</td>
              <td className="py-1.5">{formatRate(r.netMrrChurn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
