export function Stat({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="text-sm font-medium text-slate-600">{label}</div>
      <div className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{value}</div>
      <p className="mt-2 text-xs text-slate-500">
        <span className="font-medium">How is this computed? </span>
        {note}
      </p>
    </div>
  );
}
