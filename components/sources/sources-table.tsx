import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { Source } from "@/lib/sources/sources";
import { RateLimitLabel, SourceStatus } from "./source-status";

/** Every source of the workspace with its key; the name opens the source's page (snippets, debugger). */
export function SourcesTable({
  sources,
  timeZone,
  defaultLimit,
}: {
  sources: Source[];
  timeZone: string;
  defaultLimit: number;
}) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Source</th>
          <th className="py-2 pr-4 font-medium">Write key</th>
          <th className="py-2 pr-4 font-medium">Rate limit</th>
          <th className="py-2 pr-4 font-medium">Status</th>
          <th className="py-2 font-medium">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sources.map((source) => (
          <tr key={source.id} className={source.revokedAt ? "text-slate-500" : ""}>
            <td className="py-3 pr-4">
              <Link href={`/settings/sources/${source.id}`} className="font-medium text-brand-700 hover:underline">
                {source.name}
              </Link>
            </td>
            <td className="py-3 pr-4">
              <code className={`font-mono text-xs ${source.revokedAt ? "line-through" : ""}`}>{source.writeKey}</code>
            </td>
            <td className="py-3 pr-4 whitespace-nowrap">
              <RateLimitLabel rateLimitPerSecond={source.rateLimitPerSecond} defaultLimit={defaultLimit} />
            </td>
            <td className="py-3 pr-4 whitespace-nowrap">
              <SourceStatus revokedAt={source.revokedAt} timeZone={timeZone} />
            </td>
            <td className="py-3 whitespace-nowrap text-slate-600">{formatDateTime(source.createdAt, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
