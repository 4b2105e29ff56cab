"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { EMPTY_RULE } from "@/lib/segments/ui/rule-tree";
import { segmentsApi } from "./api";
import { SegmentsQueryProvider } from "./query-provider";
import { SegmentBuilder } from "./segment-builder";

/** /segments/:id/edit: the builder, filled with the saved segment. */
export function EditSegment({ segmentId }: { segmentId: string }) {
  return (
    <SegmentsQueryProvider>
      <EditLoaded segmentId={segmentId} />
    </SegmentsQueryProvider>
  );
}

function EditLoaded({ segmentId }: { segmentId: string }) {
  const segment = useQuery({ queryKey: ["segment", segmentId], queryFn: () => segmentsApi.get(segmentId) });
  if (segment.isPending) {
    return (
      <>
        <PageHeader title="Edit segment" />
        <p className="text-sm text-slate-600">Loading the segment…</p>
      </>
    );
  }
  if (segment.isError) {
    return (
      <>
        <PageHeader title="Edit segment" />
        <Notice tone="error">
          {segment.error.message}{" "}
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
      <PageHeader title={`Edit “${s.name}”`} description="Changes apply when you save." />
      <SegmentBuilder
        segmentId={s.id}
        kind={s.kind}
        start={{ name: s.name, description: s.description, status: s.status, rule: s.rule ?? EMPTY_RULE }}
      />
    </>
  );
}
