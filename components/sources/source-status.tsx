import { formatDateTime, formatNumber } from "@/lib/format";

export function SourceStatus({ revokedAt, timeZone }: { revokedAt: Date | null; timeZone: string }) {
  if (!revokedAt) {
    return <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">Active</span>;
  }
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">
      Revoked {formatDateTime(revokedAt, timeZone)}
    </span>
  );
}

/** A key's rate limit; null shows the tracking API's default (INGEST_RATE_LIMIT), which applies then. */
export function RateLimitLabel({
  rateLimitPerSecond,
  defaultLimit,
}: {
  rateLimitPerSecond: number | null;
  defaultLimit: number;
}) {
  return rateLimitPerSecond === null ? (
    <span className="text-slate-500">Default ({formatNumber(defaultLimit)} events/s)</span>
  ) : (
    <span>{formatNumber(rateLimitPerSecond)} events/s</span>
  );
}
