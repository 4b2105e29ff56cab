import type { Metadata } from "next";
import { CreateSourceForm } from "@/components/sources/create-source-form";
import { SourcesTable } from "@/components/sources/sources-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listSources } from "@/lib/sources/sources";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const viewer = await requirePageRole("settings:manage");
  const sources = await listSources(await getDb(), viewer.workspace.id);
  return (
    <>
      <PageHeader
        title="Sources"
        description="Each app or server that sends events gets its own source and write key, so you can see what each one sends and cut one off without touching the others."
      />
      <Card title={`Sources (${sources.length})`}>
        {sources.length === 0 ? (
          <p className="text-sm text-slate-600">
            No sources yet. Create one below: you get a write key and ready-to-paste code for Node.js, the browser and
            curl.
          </p>
        ) : (
          <SourcesTable sources={sources} timeZone={viewer.workspace.timeZone} defaultLimit={env().INGEST_RATE_LIMIT} />
        )}
      </Card>
      <Card title="Create a source" className="mt-6">
        <CreateSourceForm />
      </Card>
    </>
  );
}
