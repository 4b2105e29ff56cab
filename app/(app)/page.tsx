import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import { recentEvents, workspaceSummary } from "@/lib/metrics/summary";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requirePageRole("home:read");
  const db = await getDb();
  const now = new Date();
  const [summary, latest] = await Promise.all([
    workspaceSummary(db, viewer.workspace.id, now),
    recentEvents(db, viewer.workspace.id),
  ]);
  const tz = viewer.workspace.timeZone;
  const window = `the last ${summary.windowDays} days (today included, ${tz})`;
  return (
    <>
      <PageHeader title="Overview" description={`${viewer.workspace.name} over ${window}.`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label="Customers"
          value={formatNumber(summary.customers)}
          note="Every customer profile; identities merged into one profile count once."
        />
        <Stat
          label="Active customers"
          value={formatNumber(summary.activeCustomers)}
          note={`Customers with at least one track, page or screen event in ${window}.`}
        />
        <Stat label="Events" value={formatNumber(summary.events)} note={`Events of any type received for ${window}.`} />
        <Stat
          label="Revenue"
          value={formatMoney(summary.revenue, viewer.workspace.currency)}
          note={`Revenue of ${formatNumber(summary.orders)} "Order Completed" orders in ${window}; an order_id counts once.`}
        />
      </div>
      <Card title="Latest events" className="mt-6">
        {latest.length === 0 ? (
          <p className="text-sm text-slate-600">
            No events yet. Create a source and send events to the tracking API, or import a CSV, and they appear here.
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 font-medium">When</th>
                <th className="py-2 font-medium">Customer</th>
                <th className="py-2 font-medium">Event</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {latest.map((event) => (
                <tr key={event.id}>
                  <td className="py-2 whitespace-nowrap text-slate-600">{formatDateTime(event.timestamp, tz)}</td>
                  <td className="py-2">
                    <Link href={`/customers/${event.customerId}`} className="text-brand-600 hover:underline">
                      {event.customerLabel}
                    </Link>
                  </td>
                  <td className="py-2">
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{event.type}</span>{" "}
                    {event.name ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
