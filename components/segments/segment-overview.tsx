"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Stat } from "@/components/ui/stat";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ActivateButton } from "./activate-button";
import { ApiError, membersCsvHref, segmentsApi } from "./api";
import { DeleteButton } from "./delete-button";
import { DuplicateButton } from "./duplicate-button";
import { MembersTable } from "./members-table";
import { SegmentsQueryProvider } from "./query-provider";
import { RetentionComparison } from "./retention-comparison";
import { SizeChart } from "./size-chart";
import { StaticUpload } from "./static-upload";
import { StatusBadge } from "./status-badge";

const LINK_BUTTON =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

type Props = { segmentId: string; canEdit: boolean; timeZone: string };

/**
 * /segments/:id: who is in the segment now, how its size moved, who entered and left in the last 7 days, how
 * its members retain against everyone, and its members (paged, exportable). Editors also get edit, duplicate,
 * delete and, for a static list, the upload.
 */
export function SegmentOverview(props: Props) {
  return (
    <SegmentsQueryProvider>
      <Overview {...props} />
    </SegmentsQueryProvider>
  );
}

function Overview({ segmentId, canEdit, timeZone }: Props) {
  const segment = useQuery({ queryKey: ["segment", segmentId], queryFn: () => segmentsApi.get(segmentId) });
  if (segment.isPending) {
    return (
      <>
        <PageHeader title="Segment" />
        <p className="text-sm text-slate-600">Loading the segment…</p>
      </>
    );
  }
  if (segment.isError) {
    const missing = segment.error instanceof ApiError && segment.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? "Segment not found" : "Segment"} />
        <Notice tone="error">
          {missing ? "This segment does not exist (any more)." : segment.error.message}{" "}
          <Link href="/segments" className="underline">
            Back to segments
          </Link>
        </Notice>
      </>
    );
  }
  const s = segment.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/segments" className="text-brand-700 hover:underline">
          Segments
        </Link>
      </nav>
      <PageHeader
        title={s.name}
        description={s.description || undefined}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {s.members === null ? null : (
              <a href={membersCsvHref(s.id)} download className={LINK_BUTTON}>
                Export members (CSV)
              </a>
            )}
            {canEdit ? (
              <>
                <Link href={`/segments/${s.id}/edit`} className={LINK_BUTTON}>
                  Edit
                </Link>
                <DuplicateButton segmentId={s.id} />
                <DeleteButton segmentId={s.id} name={s.name} />
              </>
            ) : null}
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <StatusBadge status={s.status} kind={s.kind} />
        <span data-testid="segment-summary">
          {s.kind === "static" ? "Customers uploaded to this list." : s.summary}
        </span>
        <span className="text-xs text-slate-500">Updated {formatDateTime(new Date(s.updatedAt), timeZone)}</span>
      </div>
      {s.members === null ? (
        <div className="space-y-3">
          <Notice tone="info">
            This segment is a draft: drafts keep no members, size history or entries and exits.{" "}
            {canEdit
              ? "Activate it to compute its members now and keep them current."
              : "An admin or marketer can activate it."}
          </Notice>
          {canEdit ? <ActivateButton segmentId={s.id} /> : null}
        </div>
      ) : null}

      {s.members === null ? null : (
        <>
          <div className="grid gap-4 md:grid-cols-3">
            <div data-testid="members-now" className="[&>div]:h-full">
              <Stat
                label="Members now"
                value={formatNumber(s.members)}
                note={s.kind === "static" ? "Customers on the uploaded list." : "Customers who match the rule now."}
              />
            </div>
            <Stat
              label="Entered in the last 7 days"
              value={formatNumber(s.enteredLast7Days)}
              note="Entries into the segment today and the 6 days before (workspace time zone); a customer who entered twice counts twice."
            />
            <Stat
              label="Exited in the last 7 days"
              value={formatNumber(s.exitedLast7Days)}
              note="Exits from the segment today and the 6 days before (workspace time zone); a customer who left twice counts twice."
            />
          </div>
          {canEdit && s.kind === "static" ? (
            <Card title="Upload members" className="mt-6">
              <StaticUpload segmentId={s.id} />
            </Card>
          ) : null}

          <Card title="Size over the last 90 days" className="mt-6">
            <History segmentId={s.id} createdAt={s.createdAt} timeZone={timeZone} />
          </Card>

          <Card title="Retention of members against all customers" className="mt-6">
            <RetentionComparison segmentId={s.id} segmentName={s.name} members={s.members} />
          </Card>

          <Card title="Current members" className="mt-6">
            <MembersTable segmentId={s.id} timeZone={timeZone} kind={s.kind} />
          </Card>
        </>
      )}
    </>
  );
}

function History({ segmentId, createdAt, timeZone }: { segmentId: string; createdAt: string; timeZone: string }) {
  const history = useQuery({
    queryKey: ["segment", segmentId, "history"],
    queryFn: () => segmentsApi.history(segmentId),
  });
  if (history.isPending) return <p className="text-sm text-slate-600">Loading the history…</p>;
  if (history.isError) return <Notice tone="error">Could not load the history: {history.error.message}</Notice>;
  // Days before the segment existed have no size (not zero): the chart starts on the day it was created.
  const since = localDay(new Date(createdAt), timeZone);
  const points = history.data.points.filter((p) => p.date >= since);
  if (points.length < 2) {
    return (
      <p className="text-sm text-slate-600">
        The size is recorded from the day the segment was created ({since}); the chart fills in from tomorrow, one point
        per day.
      </p>
    );
  }
  return <SizeChart points={points} />;
}

/** YYYY-MM-DD of an instant in a time zone. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
