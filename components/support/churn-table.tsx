import Link from "next/link";
import { formatRate } from "@/components/metrics/kpi-format";
import { formatNumber } from "@/lib/format";
import type { DateRange } from "@/lib/metrics/kpis/period";
import type { ChurnGroup, TicketChurn } from "@/lib/support/ticket-churn";
import { ticketListHref } from "@/lib/support/ticket-list";

/**
 * Churn within 60 days after a ticket next to the no-ticket baseline, each as a bar on one scale so the gap is
 * visible; categories open their tickets.
 */
export function ChurnTable({ churn, range }: { churn: TicketChurn; range: DateRange }) {
  const groups: { group: ChurnGroup; href?: string; unit: string; baseline?: boolean; indent?: boolean }[] = [
    {
      group: { ...churn.withoutTicket, label: "Without a ticket (customer-windows)" },
      unit: "customer-windows",
      baseline: true,
    },
    { group: churn.withTicket, unit: "customers", href: ticketListHref({ range }) },
    { group: churn.resolved, unit: "customers", indent: true },
    { group: churn.unresolved, unit: "customers", indent: true },
    ...churn.byCategory.map((g) => ({
      group: { ...g, label: `Category: ${g.label}` },
      unit: "customers",
      href: ticketListHref({ range, category: g.label }),
    })),
  ];
  const scale = Math.max(0.01, ...groups.map((g) => g.group.rate ?? 0));
  return (
    <table className="w-full text-right text-sm">
      <caption className="sr-only">Churn within 60 days after a ticket</caption>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 text-left font-medium">Customers</th>
          <th className="py-2 font-medium">At risk</th>
          <th className="py-2 font-medium">Churned</th>
          <th className="w-2/5 py-2 pl-4 text-left font-medium">Churn within 60 days</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {groups.map(({ group, href, unit, baseline, indent }) => (
          <tr key={group.label}>
            <th scope="row" className={`py-1.5 text-left font-medium ${indent ? "pl-4 text-slate-600" : ""}`}>
              {href ? (
                <Link href={href} className="text-brand-700 hover:underline">
                  {group.label}
                </Link>
              ) : (
                group.label
              )}
            </th>
            <td className="py-1.5" title={unit}>
              {formatNumber(group.customers)}
            </td>
            <td className="py-1.5">{formatNumber(group.churned)}</td>
            <td className="py-1.5 pl-4">
              <div className="flex items-center gap-2">
                <div className="h-2 flex-1 rounded bg-slate-100">
                  <div
                    className={`h-2 rounded ${baseline ? "bg-slate-400" : "bg-red-500"}`}
                    style={{ width: `${Math.round(((group.rate ?? 0) / scale) * 100)}%` }}
                  />
                </div>
                <span className="w-14 text-right">{formatRate(group.rate)}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
