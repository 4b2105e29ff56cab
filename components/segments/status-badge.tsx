import type { SegmentKind, SegmentStatus } from "./api";

/** "Active" / "Draft" and "Static" as small labels. */
export function StatusBadge({ status, kind }: { status: SegmentStatus; kind?: SegmentKind }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${
          status === "active" ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"
        }`}
      >
        {status === "active" ? "Active" : "Draft"}
      </span>
      {kind === "static" ? (
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">Static list</span>
      ) : null}
    </span>
  );
}
