import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <p className="text-sm font-semibold text-red-700">403 · No access</p>
        <h1 className="mt-2 text-xl font-semibold">Your role cannot open this page</h1>
        <p className="mt-2 text-sm text-slate-600">Ask a workspace admin to change your role if you need it.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
