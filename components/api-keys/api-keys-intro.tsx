import { curlExample } from "./curl-example";

/** The empty state: what a key is for and how to use one, before the admin has made any. */
export function ApiKeysIntro({ origin }: { origin: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-600">
      <p>
        No API keys yet. A key lets another program (a BI tool, a spreadsheet, your own scripts) read this workspace’s
        retention analytics, customers and support data over HTTP without signing in. Keys only read: they cannot change
        anything, manage the team or create more keys.
      </p>
      <p>Create one below, then send it as a Bearer token:</p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        {curlExample(origin, "tnr_…")}
      </pre>
    </div>
  );
}
