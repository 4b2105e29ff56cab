import Link from "next/link";
import type { CustomerListItem } from "@/lib/customers/list";
import { type ListState, listHref } from "@/lib/customers/list-params";
import { SORT_LABELS, type SortKey } from "@/lib/customers/list-sort";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";

type Props = { items: CustomerListItem[]; state: ListState; timeZone: string; currency: string };

/** One row per customer, each linking to the profile; the sortable column headers are links too. */
export function CustomerTable({ items, state, timeZone, currency }: Props) {
  const date = (value: Date | null) => (value ? formatDateTime(value, timeZone) : "Never");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Customer</th>
            <th className="py-2 pr-4 font-medium">Plan</th>
            <SortHeader state={state} sort="last_seen" />
            <SortHeader state={state} sort="first_seen" />
            <SortHeader state={state} sort="events" numeric />
            <SortHeader state={state} sort="orders" numeric />
            <SortHeader state={state} sort="revenue" numeric />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <td className="max-w-80 py-2 pr-4">
                <Link href={`/customers/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name ?? c.email ?? c.externalId ?? `Anonymous customer #${c.id}`}
                </Link>
                <div className="truncate text-xs text-slate-500">
                  {[c.name ? c.email : null, c.externalId].filter(Boolean).join(" · ") || "No email or id yet"}
                </div>
              </td>
              <td className="py-2 pr-4">{c.plan ?? <span className="text-slate-400">—</span>}</td>
              <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{date(c.lastSeenAt)}</td>
              <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{date(c.firstSeenAt)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(c.eventCount)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(c.orderCount)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(c.lifetimeRevenue, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A column header that sorts by its column: highest / newest first, and the other way on a second click. */
function SortHeader({ state, sort, numeric = false }: { state: ListState; sort: SortKey; numeric?: boolean }) {
  const active = state.sort === sort;
  const dir = active && state.dir === "desc" ? "asc" : "desc";
  const arrow = active ? (state.dir === "desc" ? "↓" : "↑") : "";
  return (
    <th
      className={`py-2 pr-4 font-medium ${numeric ? "text-right" : ""}`}
      aria-sort={active ? (state.dir === "desc" ? "descending" : "ascending") : undefined}
    >
      <Link
        href={listHref(state, { sort, dir })}
        className={`whitespace-nowrap hover:text-slate-900 hover:underline ${active ? "text-slate-900" : ""}`}
        title={`Sort by ${SORT_LABELS[sort].toLowerCase()}, ${dir === "desc" ? "highest or newest" : "lowest or oldest"} first`}
      >
        {SORT_LABELS[sort]} {arrow}
      </Link>
    </th>
  );
}
