import type { CustomerProfile } from "@/lib/customers/profile";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";

type Fact = { label: string; value: string; how: string };

/**
 * The facts stored on the profile and kept current by ingest (lib/ingest/rollup.ts refreshCustomerFacts), each
 * with how it is computed, in the workspace's time zone and currency.
 */
export function ProfileFacts({
  profile,
  timeZone,
  currency,
}: {
  profile: CustomerProfile;
  timeZone: string;
  currency: string;
}) {
  const date = (value: Date | null, none: string) => (value ? formatDateTime(value, timeZone) : none);
  const facts: Fact[] = [
    { label: "First seen", value: date(profile.firstSeenAt, "Never"), how: "The earliest event received." },
    { label: "Last seen", value: date(profile.lastSeenAt, "Never"), how: "The latest event received." },
    { label: "Events", value: formatNumber(profile.eventCount), how: "Events of any type." },
    {
      label: "Orders",
      value: formatNumber(profile.orderCount),
      how: '"Order Completed" events; an order_id counts once.',
    },
    {
      label: "Lifetime revenue",
      value: formatMoney(profile.lifetimeRevenue, currency),
      how: "Revenue of those orders (total when revenue is missing).",
    },
    { label: "Last order", value: date(profile.lastOrderAt, "No orders"), how: 'The latest "Order Completed" event.' },
    {
      label: "Current MRR",
      value: profile.mrr === null ? "No subscription" : formatMoney(profile.mrr, currency),
      how: "From the latest subscription event; 0 after a cancellation.",
    },
    { label: "Plan", value: profile.plan ?? "None", how: "The plan of the latest subscription event." },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {facts.map((fact) => (
        <div key={fact.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-medium text-slate-500">{fact.label}</dt>
          <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900">{fact.value}</dd>
          <dd className="text-xs text-slate-500">{fact.how}</dd>
        </div>
      ))}
    </dl>
  );
}
