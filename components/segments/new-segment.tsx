"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { freeName } from "@/lib/segments/ui/free-name";
import { EMPTY_RULE } from "@/lib/segments/ui/rule-tree";
import { type SegmentKind, segmentsApi } from "./api";
import { SegmentsQueryProvider } from "./query-provider";
import { SegmentBuilder } from "./segment-builder";

/** /segments/new: the builder, empty or filled from a template (?template=<key>). */
export function NewSegment({ templateKey, kind }: { templateKey: string | null; kind: SegmentKind }) {
  if (kind === "static") {
    return (
      <SegmentsQueryProvider>
        <PageHeader
          title="New static list"
          description="A fixed list of customers you upload, for example from an event sign-up sheet."
        />
        <SegmentBuilder kind="static" start={{ name: "", description: "", status: "active", rule: EMPTY_RULE }} />
      </SegmentsQueryProvider>
    );
  }
  return (
    <SegmentsQueryProvider>
      <PageHeader
        title="New segment"
        description="Describe who belongs in it: the count on the right follows every change."
      />
      {templateKey ? <FromTemplate templateKey={templateKey} /> : <Blank />}
    </SegmentsQueryProvider>
  );
}

function Blank() {
  return <SegmentBuilder start={{ name: "", description: "", status: "draft", rule: EMPTY_RULE }} />;
}

function FromTemplate({ templateKey }: { templateKey: string }) {
  const templates = useQuery({ queryKey: ["segment-templates"], queryFn: segmentsApi.templates, staleTime: Infinity });
  // The demo already holds every ready-made segment under its template name: start from a free name so that
  // saving does not stop at "name taken".
  const existing = useQuery({ queryKey: ["segments"], queryFn: segmentsApi.list });
  if (templates.isPending || existing.isPending) return <p className="text-sm text-slate-600">Loading the template…</p>;
  const template = templates.data?.find((t) => t.key === templateKey);
  if (!template) {
    return (
      <div className="space-y-4">
        <Notice tone="error">
          {templates.isError
            ? `Could not load the templates: ${templates.error.message}`
            : "That template does not exist (any more). Start from an empty rule instead."}
        </Notice>
        <Blank />
      </div>
    );
  }
  return (
    <SegmentBuilder
      start={{
        name: freeName(template.name, existing.data?.segments.map((x) => x.name) ?? []),
        description: template.description,
        status: "draft",
        rule: template.rule,
      }}
    />
  );
}
