const STATUS_STYLES: Record<string, string> = {
  new: "bg-amber-50 text-amber-800",
  open: "bg-amber-50 text-amber-800",
  pending: "bg-slate-100 text-slate-700",
  solved: "bg-emerald-50 text-emerald-800",
  closed: "bg-emerald-50 text-emerald-800",
};

/** A ticket status as a small coloured label: unresolved in amber, resolved in green. */
export function TicketStatusBadge({ status }: { status: string }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[status] ?? "bg-slate-100"}`}>
      {status}
    </span>
  );
}
