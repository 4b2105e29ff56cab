import Link from "next/link";
import type { ListedTicket } from "@/lib/support/ticket-list";
import { shortDateTime } from "./format";

const STATUS_STYLES: Record<string, string> = {
  new: "bg-sky-100 text-sky-800",
  open: "bg-amber-100 text-amber-800",
  pending: "bg-violet-100 text-violet-800",
  solved: "bg-emerald-100 text-emerald-800",
  closed: "bg-slate-100 text-slate-700",
};

/** The tickets behind a support number; each links to its customer's profile. */
export function TicketListTable({ tickets, timeZone }: { tickets: ListedTicket[]; timeZone: string }) {
  const when = (d: Date | null) => (d ? shortDateTime(d, timeZone) : "—");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tickets</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Ticket</th>
            <th className="py-2 pr-3 font-medium">Customer</th>
            <th className="py-2 pr-3 font-medium">Category</th>
            <th className="py-2 pr-3 font-medium">Channel</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 pr-3 font-medium">Created</th>
            <th className="py-2 pr-3 font-medium">First reply</th>
            <th className="py-2 pr-3 font-medium">First solved</th>
            <th className="py-2 font-medium">Rating</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tickets.map((t) => (
            <tr key={t.id}>
              <th scope="row" className="min-w-64 py-1.5 pr-3 font-normal">
                <span className="font-mono text-xs text-slate-500">{t.externalId}</span>
                <span className="block text-slate-800">{t.subject ?? "(no subject)"}</span>
              </th>
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {t.customer ? (
                  <Link href={`/customers/${t.customer.id}`} className="text-brand-700 hover:underline">
                    {t.customer.name ?? t.customer.email ?? `Customer #${t.customer.id}`}
                  </Link>
                ) : (
                  <span className="text-slate-500">Unknown customer</span>
                )}
              </td>
              <td className="py-1.5 pr-3 whitespace-nowrap">{t.category}</td>
              <td className="py-1.5 pr-3">{t.channel}</td>
              <td className="py-1.5 pr-3">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[t.status] ?? "bg-slate-100"}`}
                >
                  {t.status}
                </span>
              </td>
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{when(t.createdAt)}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{when(t.firstReplyAt)}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{when(t.firstSolvedAt)}</td>
              <td className="py-1.5 tabular-nums">{t.satisfactionRating ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
