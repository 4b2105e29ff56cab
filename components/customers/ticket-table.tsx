import type { CustomerTicket } from "@/lib/customers/customer-tickets";
import { formatDateTime } from "@/lib/format";

const STATUS_STYLES: Record<string, string> = {
  new: "bg-amber-50 text-amber-800",
  open: "bg-amber-50 text-amber-800",
  pending: "bg-slate-100 text-slate-700",
  solved: "bg-emerald-50 text-emerald-800",
  closed: "bg-emerald-50 text-emerald-800",
};

/** The customer's support tickets, newest first: what they asked about, and how quickly we answered. */
export function TicketTable({ tickets, timeZone }: { tickets: CustomerTicket[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Subject</th>
            <th className="py-2 pr-4 font-medium">Category</th>
            <th className="py-2 pr-4 font-medium">Status</th>
            <th className="py-2 pr-4 font-medium">Created</th>
            <th className="py-2 font-medium">First reply</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tickets.map((t) => (
            <tr key={t.id}>
              <td className="py-2 pr-4">
                <div className="font-medium text-slate-800">{t.subject ?? "(no subject)"}</div>
                <div className="text-xs text-slate-500">
                  {t.externalId} · {t.channel}
                  {t.priority ? ` · ${t.priority} priority` : ""}
                </div>
              </td>
              <td className="py-2 pr-4 text-slate-600">{t.category ?? "—"}</td>
              <td className="py-2 pr-4">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[t.status] ?? "bg-slate-100"}`}
                >
                  {t.status}
                </span>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{formatDateTime(t.createdAt, timeZone)}</td>
              <td className="py-2 whitespace-nowrap text-slate-600">
                {t.firstAgentReplyAt ? (
                  <>
                    {formatDateTime(t.firstAgentReplyAt, timeZone)}
                    <div className="text-xs text-slate-500">{waited(t.createdAt, t.firstAgentReplyAt)} later</div>
                  </>
                ) : (
                  "No reply yet"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function waited(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
