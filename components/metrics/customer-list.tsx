import Link from "next/link";
import { formatNumber } from "@/lib/format";
import type { CustomerPage } from "@/lib/metrics/drilldown";

/** The customers behind a clicked number, each linking to their profile. */
export function CustomerList({ page, title, closeHref }: { page: CustomerPage; title: string; closeHref: string }) {
  return (
    <section aria-labelledby="drilldown-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="drilldown-title" className="text-sm font-semibold text-slate-700">
          {title}: {formatNumber(page.total)} {page.total === 1 ? "customer" : "customers"}
        </h2>
        <Link href={closeHref} className="text-sm text-brand-700 hover:underline" scroll={false}>
          Close list
        </Link>
      </div>
      {page.total === 0 ? (
        <p className="text-sm text-slate-600">No customers here.</p>
      ) : (
        <>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 font-medium">Customer</th>
                <th className="py-2 font-medium">User id</th>
                <th className="py-2 font-medium">Email</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.customers.map((c) => (
                <tr key={c.id}>
                  <td className="py-1.5">
                    <Link href={`/customers/${c.id}`} className="text-brand-700 hover:underline">
                      {c.name ?? c.email ?? c.externalId ?? `Customer ${c.id}`}
                    </Link>
                  </td>
                  <td className="py-1.5 text-slate-600">{c.externalId ?? "—"}</td>
                  <td className="py-1.5 text-slate-600">{c.email ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.total > page.customers.length ? (
            <p className="mt-2 text-xs text-slate-500">
              Showing the first {formatNumber(page.customers.length)} by customer id.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
