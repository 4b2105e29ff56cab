export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <p className="text-sm text-slate-600">Computing support insights…</p>
      <div className="h-28 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-96 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
