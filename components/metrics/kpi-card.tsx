import type { ReactNode } from "react";
import { HowComputed } from "@/components/metrics/how-computed";
import type { Change } from "./kpi-format";
import { Sparkline } from "./sparkline";

/**
 * One KPI over the chosen range: its value, the previous period's value and the change, and the "how is this
 * computed" note. `higherIsBetter` colours the change (a rising churn is red); null leaves it neutral.
 */
export function KpiCard({
  label,
  value,
  previous,
  change,
  higherIsBetter,
  note,
  detail,
  trend,
}: {
  label: string;
  value: string;
  previous: string;
  change: Change | null;
  higherIsBetter: boolean | null;
  note: string;
  detail?: ReactNode;
  /** Values over recent weeks, drawn as a sparkline under the number (the Overview shows one per KPI). */
  trend?: (number | null)[];
}) {
  const good =
    change && change.direction !== "flat" && higherIsBetter !== null
      ? (change.direction === "up") === higherIsBetter
      : null;
  const tone = good === null ? "text-slate-600" : good ? "text-emerald-700" : "text-red-700";
  return (
    <section className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={label}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-value">
        {value}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {change ? <span className={`font-medium ${tone}`}>{change.text} </span> : null}
        <span>previous period: {previous}</span>
      </p>
      {detail ? <div className="mt-1 text-xs text-slate-500">{detail}</div> : null}
      {trend ? (
        <div className="mt-2">
          <Sparkline values={trend} label={`${label}, weekly over the last 12 weeks`} />
        </div>
      ) : null}
      <div className="mt-auto pt-2">
        <HowComputed>
          <p>{note}</p>
        </HowComputed>
      </div>
    </section>
  );
}
