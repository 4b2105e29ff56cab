import Link from "next/link";
import { formatNumber } from "@/lib/format";
import { addPeriods, isComplete, type Period } from "@/lib/metrics/periods";
import type { RetentionResult } from "@/lib/metrics/retention";
import { type CellRef, cellParam } from "./cell-link";
import type { CohortView } from "./cohort-controls";

const PERIOD_LABEL: Record<Period, string> = { day: "Day", week: "Week", month: "Month" };

function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;
}

/** Deeper blue for higher retention; white text once the background is dark enough to need it. */
function shade(ratio: number) {
  const alpha = 0.08 + Math.min(1, Math.max(0, ratio)) * 0.85;
  return { backgroundColor: `rgba(47, 111, 237, ${alpha.toFixed(2)})`, color: alpha > 0.55 ? "white" : "#0f172a" };
}

/**
 * The cohort table: one row per cohort (and breakdown group), its size, then one cell per offset that has
 * started. Each cell links to the list of its customers; the last row is the weighted mean.
 */
export function CohortHeatmap({
  result,
  view,
  baseParams,
  selected,
  today,
  hrefBase = "",
}: {
  result: RetentionResult;
  view: CohortView;
  baseParams: URLSearchParams;
  selected: CellRef | null;
  /** Local date: cells of periods still running are drawn paler, their numbers are not final. */
  today: string;
  /** Where cell links point: the current page by default, "/cohorts" from elsewhere. */
  hrefBase?: string;
}) {
  const offsets = Array.from({ length: Math.max(1, ...result.cohorts.map((c) => c.values.length)) }, (_, k) => k);
  const label = PERIOD_LABEL[result.period];
  const hasBreakdown = result.cohorts.some((c) => c.breakdown !== null);
  const href = (cell: CellRef) => {
    const params = new URLSearchParams(baseParams);
    params.set("cell", cellParam(cell));
    params.delete("returned");
    return `${hrefBase}?${params.toString()}#drilldown`;
  };
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-separate border-spacing-0.5 text-right text-xs">
        <caption className="sr-only">
          Cohort retention: rows are cohorts, columns are {label.toLowerCase()}s since the cohort started
        </caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium">
              Cohort
            </th>
            {hasBreakdown ? (
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Group
              </th>
            ) : null}
            <th scope="col" className="px-2 py-1 font-medium">
              Size
            </th>
            {offsets.map((k) => (
              <th key={k} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                {label} {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.cohorts.map((c) => (
            <tr key={`${c.start}|${c.breakdown ?? ""}`}>
              <th scope="row" className="px-2 py-1 text-left font-medium whitespace-nowrap text-slate-700">
                {c.start}
              </th>
              {hasBreakdown ? <td className="px-2 py-1 text-left text-slate-700">{c.breakdown}</td> : null}
              <td className="px-2 py-1 text-slate-700">{formatNumber(c.size)}</td>
              {offsets.map((k) => {
                const value = c.values[k];
                if (value === undefined) return <td key={k} aria-label="not started yet" />;
                const isSelected =
                  selected?.cohort === c.start && selected.offset === k && selected.breakdown === c.breakdown;
                const text = view === "percent" ? percent(value, c.size) : formatNumber(value);
                const running = !isComplete(addPeriods(c.start, result.period, k), result.period, today);
                const style = c.size > 0 ? { ...shade(value / c.size), opacity: running ? 0.55 : 1 } : undefined;
                return (
                  <td key={k} className="p-0" style={style}>
                    {c.size > 0 ? (
                      <Link
                        href={href({ cohort: c.start, offset: k, breakdown: c.breakdown })}
                        scroll={false}
                        className={`block px-2 py-1 tabular-nums hover:underline ${isSelected ? "outline-2 outline-slate-900" : ""}`}
                        title={`${formatNumber(value)} of ${formatNumber(c.size)} customers${running ? " so far (period still running)" : ""}`}
                      >
                        {text}
                      </Link>
                    ) : (
                      <span className="block px-2 py-1 text-slate-400">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold text-slate-800">
            <th scope="row" className="px-2 py-1 text-left" colSpan={hasBreakdown ? 2 : 1}>
              Weighted mean
            </th>
            <td className="px-2 py-1">{formatNumber(result.cohorts.reduce((s, c) => s + c.size, 0))}</td>
            {offsets.map((k) => {
              const m = result.mean[k];
              return (
                <td key={k} className="px-2 py-1 tabular-nums">
                  {m === undefined || m === null ? "" : `${(m * 100).toFixed(1)}%`}
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
