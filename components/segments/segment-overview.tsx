"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Stat } from "@/components/ui/stat";
import { formatDateTime, formatNumber } from "@/lib/format";
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
        description={s.description ?? undefined}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <a href={membersCsvHref(s.id)} download className={LINK_BUTTON}>
              Export members (CSV)
            </a>
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
      {s.status === "draft" ? (
        <div className="mb-6">
          <Notice tone="info">
            This segment is a draft. {canEdit ? "Edit it and save it as active when it is ready." : ""}
          </Notice>
        </div>
      ) : null}

      <div className="grid gap-4 md:grid-cols-3">
        <Stat
          label="Members now"
          value={formatNumber(s.members)}
          note={s.kind === "static" ? "Customers on the uploaded list." : "Customers who match the rule now."}
        />
        <Stat
          label="Entered in the last 7 days"
          value={formatNumber(s.enteredLast7Days)}
          note="Customers who started matching within the last 7 days, today included."
        />
        <Stat
          label="Exited in the last 7 days"
          value={formatNumber(s.exitedLast7Days)}
          note="Customers who stopped matching within the last 7 days, today included."
        />
      </div>

      <Card title="Size over the last 90 days" className="mt-6">
        <History segmentId={s.id} />
      </Card>

      <Card title="Retention of members against all customers" className="mt-6">
        <RetentionComparison segmentId={s.id} segmentName={s.name} />
      </Card>

      {canEdit && s.kind === "static" ? (
        <Card title="Upload members" className="mt-6">
          <StaticUpload segmentId={s.id} />
        </Card>
      ) : null}

      <Card title="Current members" className="mt-6">
        <MembersTable segmentId={s.id} timeZone={timeZone} />
      </Card>
    </>
  );
}

function History({ segmentId }: { segmentId: string }) {
  const history = useQuery({
    queryKey: ["segment", segmentId, "history"],
    queryFn: () => segmentsApi.history(segmentId),
  });
  if (history.isPending) return <p className="text-sm text-slate-600">Loading the history…</p>;
  if (history.isError) return <Notice tone="error">Could not load the history: {history.error.message}</Notice>;
  if (history.data.points.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No history yet: the size is recorded from the day the segment is saved, so the chart fills in from today.
      </p>
    );
  }
  return <SizeChart points={history.data.points} />;
}
