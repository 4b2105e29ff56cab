import type { ReactNode } from "react";
import { HowComputed } from "@/components/metrics/how-computed";
import { describeChange, formatKpi, type KpiKind } from "./kpi-format";
import { Sparkline } from "./sparkline";

export type KpiCardProps = {
  label: string;
  value: number | null;
  previous: number | null;
  kind: KpiKind;
  currency: string;
  lowerIsBetter?: boolean;
  trend: (number | null)[];
  note: string;
  /** Lines under the value: the parts it is made of. */
  details?: ReactNode;
};

/** One KPI: value over the period, change against the previous period, 12-week trend, and its definition. */
export function KpiCard({ label, value, previous, kind, currency, lowerIsBetter, trend, note, details }: KpiCardProps) {
  const change = describeChange(value, previous, kind, lowerIsBetter);
  const tone = change.better === null ? "text-slate-500" : change.better ? "text-emerald-700" : "text-red-700";
  return (
    <section className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={label}>
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</h3>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-kpi-value>
        {formatKpi(value, kind, currency)}
      </p>
      <p className="text-xs text-slate-600">
        <span className={tone}>{change.text}</span> · previous {formatKpi(previous, kind, currency)}
      </p>
      {details ? <div className="mt-1 text-xs text-slate-600">{details}</div> : null}
      <div className="mt-2">
        <Sparkline values={trend} label={`${label}, weekly over the last 12 weeks`} />
      </div>
      <div className="mt-auto pt-1">
        <HowComputed>
          <p>{note}</p>
        </HowComputed>
      </div>
    </section>
  );
}
