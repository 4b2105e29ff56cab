import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveDebugger } from "@/components/sources/live-debugger";
import { SnippetTabs } from "@/components/sources/snippet-tabs";
import { SourceSettingsForm } from "@/components/sources/source-settings-form";
import { RateLimitLabel, SourceStatus } from "@/components/sources/source-status";
import { WriteKeyPanel } from "@/components/sources/write-key-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { sourceDebugger } from "@/lib/sources/debugger";
import { parseSourceId } from "@/lib/sources/schema";
import { originFromHeaders, sourceSnippets } from "@/lib/sources/snippets";
import { getSource, type Source } from "@/lib/sources/sources";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string | string[] }> };

export default async function SourcePage({ params, searchParams }: Props) {
  const viewer = await requirePageRole("settings:manage");
  const db = await getDb();
  const workspaceId = viewer.workspace.id;
  const { id } = await params;
  const source = await loadSource(() => getSource(db, workspaceId, parseSourceId(id)));
  const [snapshot, requestHeaders] = await Promise.all([sourceDebugger(db, workspaceId, source.id), headers()]);
  const tz = viewer.workspace.timeZone;
  const revoked = source.revokedAt !== null;
  const justCreated = (await searchParams).created === "1";
  const defaultLimit = env().INGEST_RATE_LIMIT;
  return (
    <>
      <PageHeader
        title={source.name}
        description={`Source created ${formatDateTime(source.createdAt, tz)}.`}
        actions={
          <Link href="/settings/sources" className="text-sm font-medium text-brand-600 hover:underline">
            ← All sources
          </Link>
        }
      />
      {justCreated && !revoked ? (
        <div className="mb-6">
          <Notice tone="success">
            Source created. Copy a snippet below and send a first event: it shows up in the live debugger within
            seconds.
          </Notice>
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card title="Write key">
          <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
            <SourceStatus revokedAt={source.revokedAt} timeZone={tz} />
            <span className="text-slate-500">
              Rate limit: <RateLimitLabel rateLimitPerSecond={source.rateLimitPerSecond} defaultLimit={defaultLimit} />
            </span>
          </div>
          <WriteKeyPanel sourceId={source.id} writeKey={source.writeKey} revoked={revoked} />
        </Card>
        <Card title="Settings">
          <SourceSettingsForm
            sourceId={source.id}
            name={source.name}
            rateLimitPerSecond={source.rateLimitPerSecond}
            defaultLimit={defaultLimit}
          />
        </Card>
      </div>
      {revoked ? null : (
        <Card title="Send events" className="mt-6">
          <p className="mb-3 text-sm text-slate-600">
            Tenure speaks Segment&apos;s tracking API at <code className="font-mono">/v1</code> on this address, so
            Segment&apos;s own libraries work unchanged: point them here with this source&apos;s key.
          </p>
          <SnippetTabs snippets={sourceSnippets(source.writeKey, originFromHeaders(requestHeaders))} />
        </Card>
      )}
      <Card title="Live debugger" className="mt-6">
        <LiveDebugger sourceId={source.id} timeZone={tz} initial={snapshot} renderedAt={Date.now()} />
      </Card>
    </>
  );
}

/** Another workspace's or a deleted source renders the 404 page rather than an error. */
async function loadSource(load: () => Promise<Source>): Promise<Source> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
