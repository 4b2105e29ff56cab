"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatDateTime, formatNumber } from "@/lib/format";
import { segmentsApi } from "./api";
import { SegmentsQueryProvider } from "./query-provider";
import { StatusBadge } from "./status-badge";
import { useSegments } from "./use-catalog";

const NEW_BUTTON =
  "inline-flex items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700";

const SECONDARY_BUTTON =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** /segments: the saved segments, the templates to start from, and "New segment" for editors. */
export function SegmentsPage({ canEdit, timeZone }: { canEdit: boolean; timeZone: string }) {
  return (
    <SegmentsQueryProvider>
      <PageHeader
        title="Segments"
        description="Groups of customers defined by what they did and who they are, kept current as events arrive."
        actions={
          canEdit ? (
            <div className="flex flex-wrap items-center gap-2">
              <Link href="/segments/new?kind=static" className={SECONDARY_BUTTON}>
                New static list
              </Link>
              <Link href="/segments/new" className={NEW_BUTTON}>
                New segment
              </Link>
            </div>
          ) : null
        }
      />
      <SegmentTable canEdit={canEdit} timeZone={timeZone} />
      {canEdit ? <Templates /> : null}
    </SegmentsQueryProvider>
  );
}

function SegmentTable({ canEdit, timeZone }: { canEdit: boolean; timeZone: string }) {
  const segments = useSegments();
  if (segments.isPending) return <p className="text-sm text-slate-600">Loading segments…</p>;
  if (segments.isError) return <Notice tone="error">Could not load the segments: {segments.error.message}</Notice>;
  if (segments.data.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-700">
          {canEdit
            ? "No segments yet. Start from one of the templates below, or click “New segment” and add conditions: the builder shows how many customers match as you go."
            : "No segments yet. Marketers and admins create them; they will be listed here with their size."}
        </p>
      </Card>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Segments">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              Segment
            </th>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Members
            </th>
            <th scope="col" className="px-4 py-2">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {segments.data.map((s) => (
            <tr key={s.id} className="align-top">
              <th scope="row" className="px-4 py-3 text-left font-normal">
                <Link href={`/segments/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </Link>
                <p className="mt-0.5 max-w-2xl text-xs text-slate-600">{s.description || s.summary}</p>
              </th>
              <td className="px-4 py-3">
                <StatusBadge status={s.status} kind={s.kind} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {s.members === null ? (
                  <span className="text-slate-500" title="Drafts keep no members; save the segment as active">
                    —
                  </span>
                ) : (
                  formatNumber(s.members)
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {formatDateTime(new Date(s.updatedAt), timeZone)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Templates() {
  const templates = useQuery({ queryKey: ["segment-templates"], queryFn: segmentsApi.templates, staleTime: Infinity });
  return (
    <section aria-labelledby="templates-heading" className="mt-8">
      <h2 id="templates-heading" className="mb-1 text-base font-semibold text-slate-900">
        Start from a template
      </h2>
      <p className="mb-3 text-sm text-slate-600">A common retention segment, ready to adjust before you save it.</p>
      {templates.isPending ? (
        <p className="text-sm text-slate-600">Loading templates…</p>
      ) : templates.isError ? (
        <Notice tone="error">Could not load the templates: {templates.error.message}</Notice>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {templates.data.map((t) => (
            <li key={t.key}>
              <Link
                href={`/segments/new?template=${encodeURIComponent(t.key)}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/40"
              >
                <span className="block text-sm font-medium text-slate-900">{t.name}</span>
                <span className="mt-1 block text-xs text-slate-600">{t.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
