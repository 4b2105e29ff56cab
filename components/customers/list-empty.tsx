import Link from "next/link";

/**
 * What to do when the list is empty: a new workspace needs data in; a view that matches no one needs looser
 * filters. The two must not look alike, or a new user clears filters they never set.
 */
export function ListEmpty({ reason }: { reason: "no-customers" | "no-match" }) {
  if (reason === "no-customers") {
    return (
      <div className="py-10 text-center">
        <h2 className="text-base font-semibold text-slate-900">No customers yet</h2>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
          Customers appear here as soon as data comes in. Send an <code>identify</code> or <code>track</code> call to
          the tracking API with a source&apos;s write key, or import a CSV of customers. Each new user id, anonymous id
          or email becomes a profile.
        </p>
      </div>
    );
  }
  return (
    <div className="py-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">No customers match</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
        Nobody matches this search and these filters. Check the spelling, use fewer words, or widen the filters.
      </p>
      <Link href="/customers" className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline">
        Clear the search and filters
      </Link>
    </div>
  );
}
