import { type ReactNode, useId } from "react";

/** One card of the settings form: a titled group of fields and a note on which metrics read them. */
export function SettingGroup({ title, affects, children }: { title: string; affects: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={headingId} className="mb-1 text-sm font-semibold text-slate-700">
        {title}
      </h2>
      <p className="mb-4 text-xs text-slate-500">
        <span className="font-medium">What this changes: </span>
        {affects}
      </p>
      <div className="space-y-4">{children}</div>
    </section>
  );
}
