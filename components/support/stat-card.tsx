import type { ReactNode } from "react";
import { HowComputed } from "@/components/metrics/how-computed";

/** A number without a previous-period comparison (the backlog is a snapshot of now), with its note. */
export function StatCard({
  label,
  value,
  detail,
  note,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  note: string;
}) {
  return (
    <section className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={label}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-value">
        {value}
      </p>
      {detail ? <div className="mt-1 text-xs text-slate-500">{detail}</div> : null}
      <div className="mt-auto pt-2">
        <HowComputed>
          <p>{note}</p>
        </HowComputed>
      </div>
    </section>
  );
}
