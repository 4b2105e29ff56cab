"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatDateTime, formatNumber } from "@/lib/format";
import { membersCsvHref, type SegmentKind, segmentsApi } from "./api";

export const MEMBERS_PAGE_SIZE = 50;

/**
 * The segment's current members, 50 a page, newest members first as the API orders them, each linked to the
 * customer's profile. Paging follows the API's cursors; the cursors of earlier pages are kept so "Previous"
 * goes back without asking for offsets.
 */
export function MembersTable({
  segmentId,
  timeZone,
  kind,
}: {
  segmentId: string;
  timeZone: string;
  kind: SegmentKind;
}) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useQuery({
    queryKey: ["segment", segmentId, "members", cursor],
    queryFn: () => segmentsApi.members(segmentId, cursor),
    placeholderData: keepPreviousData,
  });
  if (page.isPending) return <p className="text-sm text-slate-600">Loading members…</p>;
  if (page.isError) return <Notice tone="error">Could not load the members: {page.error.message}</Notice>;
  const { members, nextCursor, total } = page.data;
  const first = (cursors.length - 1) * MEMBERS_PAGE_SIZE + 1;
  if (total === 0) {
    return (
      <p className="text-sm text-slate-600">
        {kind === "static"
          ? "Nobody is on this list yet. Upload user ids or emails to add customers."
          : "Nobody matches the rule right now. Customers appear here as soon as they match; widen the rule in Edit if you expected some."}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          {formatNumber(first)}–{formatNumber(first + members.length - 1)} of {formatNumber(total)}
        </p>
        <a href={membersCsvHref(segmentId)} download className="text-sm font-medium text-brand-700 hover:underline">
          Export members (CSV)
        </a>
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Current members">
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Customer
              </th>
              <th scope="col" className="py-2 pr-4">
                User id
              </th>
              <th scope="col" className="py-2">
                In the segment since
              </th>
            </tr>
          </thead>
          <tbody className={`divide-y divide-slate-100 ${page.isPlaceholderData ? "opacity-60" : ""}`}>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="py-1.5 pr-4">
                  <Link href={`/customers/${m.id}`} className="text-brand-700 hover:underline">
                    {m.email ?? m.userId ?? `Anonymous #${m.id}`}
                  </Link>
                </td>
                <td className="py-1.5 pr-4 text-slate-600">{m.userId ?? "—"}</td>
                <td className="whitespace-nowrap py-1.5 text-slate-600">
                  {formatDateTime(new Date(m.enteredAt), timeZone)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={cursors.length === 1 || page.isFetching}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Previous
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={!nextCursor || page.isFetching}
          onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
        >
          Next
        </Button>
      </div>
    </div>
  );
}
