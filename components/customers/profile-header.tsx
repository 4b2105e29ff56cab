import Link from "next/link";
import type { CustomerProfile } from "@/lib/customers/profile";

/** Who this is: the best name we have, and the ids a support agent would quote or search for. */
export function ProfileHeader({ profile }: { profile: CustomerProfile }) {
  const title = profile.name ?? profile.email ?? profile.externalId ?? `Anonymous customer #${profile.id}`;
  const details: [string, string | null][] = [
    ["Email", profile.email],
    ["Customer id", profile.externalId],
    ["Phone", profile.phone],
    ["Customer's time zone", profile.timeZone],
  ];
  return (
    <header className="mb-6">
      <Link href="/customers" className="text-sm font-medium text-brand-600 hover:underline">
        ← Customers
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {profile.plan ? (
          <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
            {profile.plan} plan
          </span>
        ) : null}
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {details.map(([label, value]) =>
          value ? (
            <div key={label} className="flex gap-1.5">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-medium text-slate-800">{value}</dd>
            </div>
          ) : null,
        )}
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Profile</dt>
          <dd className="font-medium text-slate-800">#{profile.id}</dd>
        </div>
      </dl>
    </header>
  );
}
