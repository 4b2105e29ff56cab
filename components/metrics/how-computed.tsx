import type { ReactNode } from "react";

/** The "how is this computed" note beside a number: closed by default, opens with the keyboard too. */
export function HowComputed({ children, label = "How is this computed?" }: { children: ReactNode; label?: string }) {
  return (
    <details className="group text-xs text-slate-600">
      <summary className="cursor-pointer select-none text-brand-700 hover:underline">{label}</summary>
      <div className="mt-2 max-w-3xl space-y-1 leading-relaxed">{children}</div>
    </details>
  );
}
