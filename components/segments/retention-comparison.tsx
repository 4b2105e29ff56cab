"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type Curve, RetentionCurves } from "@/components/cohorts/retention-curves";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import { api } from "./api";

type RetentionResponse = { cohorts: { size: number }[]; mean: (number | null)[] };

/** Monthly first-time cohorts of the last 12 months, the Cohorts page's default monthly view. */
const VIEW = "period=month&mode=first_time";
const OFFSETS_SHOWN = [1, 2, 3, 6] as const;

/**
 * Cohort retention of the segment's current members next to the whole customer base: the weighted mean
 * curve of the same monthly cohorts (METRICS.md "Cohort retention"), once filtered to the segment and once
 * not, from the read API the Cohorts page uses. The full table opens in the Cohorts explorer with the
 * segment as its filter.
 */
export function RetentionComparison({
  segmentId,
  segmentName,
  members: memberCount,
}: {
  segmentId: string;
  segmentName: string;
  /** Current members: in first-time mode each is in at most one cohort, so the cohorts cannot hold more. */
  members: number;
}) {
  const members = useQuery({
    queryKey: ["segment", segmentId, "retention"],
    queryFn: () => api<RetentionResponse>(`/api/v1/metrics/retention?${VIEW}&segment=${encodeURIComponent(segmentId)}`),
    staleTime: 5 * 60_000,
  });
  const everyone = useQuery({
    queryKey: ["retention", "everyone", VIEW],
    queryFn: () => api<RetentionResponse>(`/api/v1/metrics/retention?${VIEW}`),
    staleTime: 5 * 60_000,
  });
  const explorer = `/cohorts?segment=${encodeURIComponent(segmentId)}&period=month`;
  if (members.isPending || everyone.isPending) return <p className="text-sm text-slate-600">Computing retention…</p>;
  // The other question a segment raises: of those who entered it, who came back (cohorts by their entry).
  const afterEntering = `/cohorts?start_segment=${encodeURIComponent(segmentId)}&period=week`;
  const explorerLink = (
    <span className="inline-flex flex-wrap gap-x-4 gap-y-1">
      <Link href={explorer} className="text-sm font-medium text-brand-700 hover:underline">
        Open in the Cohorts explorer
      </Link>
      <Link href={afterEntering} className="text-sm font-medium text-brand-700 hover:underline">
        Retention after entering this segment
      </Link>
    </span>
  );
  if (members.isError || everyone.isError) {
    return (
      <div className="space-y-2">
        <Notice tone="error">Could not compute retention: {(members.error ?? everyone.error)?.message}</Notice>
        {explorerLink}
      </div>
    );
  }
  const size = (r: RetentionResponse) => r.cohorts.reduce((sum, c) => sum + c.size, 0);
  const segmentSize = size(members.data);
  if (segmentSize > memberCount) {
    // More customers in the segment's cohorts than the segment has: the read API did not apply the filter
    // (an older server). Showing the whole base under the segment's name would mislead.
    return (
      <div className="space-y-2">
        <Notice tone="error">
          The retention API did not filter by this segment, so there is nothing to compare yet.
        </Notice>
        {explorerLink}
      </div>
    );
  }
  const curves: Curve[] = [
    { key: "segment", label: `“${segmentName}” members`, points: members.data.mean, emphasis: true },
    { key: "everyone", label: "All customers", points: everyone.data.mean },
  ];
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);
  return (
    <div className="space-y-4">
      {memberCount === 0 ? (
        <p className="text-sm text-slate-600">The segment has no members yet, so there is nothing to compare.</p>
      ) : segmentSize === 0 ? (
        <p className="text-sm text-slate-600">
          None of the segment’s current members started in the last 12 months, so there is no cohort to compare.
        </p>
      ) : (
        <>
          <RetentionCurves curves={curves} periodLabel="month" />
          <table className="text-sm" aria-label="Mean retention, segment members against all customers">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-6">
                  Customers
                </th>
                <th scope="col" className="py-1 pr-6 text-right">
                  In cohorts
                </th>
                {OFFSETS_SHOWN.map((k) => (
                  <th key={k} scope="col" className="py-1 pr-6 text-right">
                    Month {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {[
                { label: "Segment members", data: members.data },
                { label: "All customers", data: everyone.data },
              ].map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="py-1 pr-6 text-left font-medium text-slate-700">
                    {row.label}
                  </th>
                  <td className="py-1 pr-6 text-right">{formatNumber(size(row.data))}</td>
                  {OFFSETS_SHOWN.map((k) => (
                    <td key={k} className="py-1 pr-6 text-right">
                      {pct(row.data.mean[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="text-xs text-slate-500">
        <span className="font-medium">How is this computed? </span>
        Customers are grouped by the month of their first event (last 12 months, workspace time zone); a month-k value
        is the share of a cohort active again k months later, averaged over cohorts whose month k is over, weighted by
        cohort size. The segment line counts only its current members, so a segment defined by recent activity retains
        well by construction: compare segments, not the segment with its own rule. {explorerLink}
      </p>
    </div>
  );
}
