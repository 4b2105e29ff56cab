import Link from "next/link";

/** An unknown id, or one from another workspace: the same answer for both, so ids reveal nothing. */
export default function CustomerNotFound() {
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-xl font-semibold">No such customer</h1>
      <p className="mt-2 text-sm text-slate-600">
        There is no customer with this id in this workspace. The link may be mistyped, or the profile was removed.
      </p>
      <Link href="/customers" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to customers
      </Link>
    </div>
  );
}
