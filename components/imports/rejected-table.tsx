import { formatNumber } from "@/lib/format";
import type { RejectedRow } from "@/lib/imports/outcome";

/** Enough rows to see the pattern of a problem; the download has all of them. */
const SHOWN = 50;

/** Rejected rows by CSV line number (the header is line 1) and the reason, the first ones of a long list. */
export function RejectedTable({ rejected, caption }: { rejected: readonly RejectedRow[]; caption: string }) {
  const sorted = [...rejected].sort((a, b) => a.line - b.line).slice(0, SHOWN);
  return (
    <div className="space-y-2">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="w-20 py-2 pr-4 font-medium">
              Line
            </th>
            <th scope="col" className="py-2 font-medium">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((r) => (
            <tr key={`${r.line}-${r.reason}`} className="align-top">
              <td className="py-2 pr-4 tabular-nums text-slate-700">{r.line}</td>
              <td className="py-2 text-slate-800">{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejected.length > SHOWN ? (
        <p className="text-xs text-slate-500">
          The first {SHOWN} of {formatNumber(rejected.length)} are shown; the download lists all of them.
        </p>
      ) : null}
    </div>
  );
}
