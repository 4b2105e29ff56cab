"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import type { DebuggerSnapshot } from "@/lib/sources/debugger";
import { DebuggerEvents } from "./debugger-events";
import { DebuggerRejections } from "./debugger-rejections";
import { formatDebuggerTime } from "./debugger-time";

/** How often the debugger asks for new events while live. */
export const DEBUGGER_REFRESH_MS = 3_000;

type Props = { sourceId: string; timeZone: string; initial: DebuggerSnapshot; renderedAt: number };

/**
 * The source's live debugger: what the server rendered, then a poll of GET /api/v1/sources/:id/debugger every
 * few seconds while "live". The page has no other client data, so the query client lives here.
 */
export function LiveDebugger(props: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <DebuggerFeed {...props} />
    </QueryClientProvider>
  );
}

async function fetchSnapshot(sourceId: string): Promise<DebuggerSnapshot> {
  const response = await fetch(`/api/v1/sources/${sourceId}/debugger`, { cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as DebuggerSnapshot;
}

function DebuggerFeed({ sourceId, timeZone, initial, renderedAt }: Props) {
  const [live, setLive] = useState(true);
  const query = useQuery({
    queryKey: ["source-debugger", sourceId],
    queryFn: () => fetchSnapshot(sourceId),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: live ? DEBUGGER_REFRESH_MS : false,
    // A hidden tab does not need a feed; polling resumes when it is shown again.
    refetchIntervalInBackground: false,
  });
  const { events, rejections, scanWindow } = query.data;
  const updated = formatDebuggerTime(new Date(query.dataUpdatedAt).toISOString(), timeZone);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm text-slate-600" aria-live="polite">
          <span
            aria-hidden
            className={`inline-block h-2 w-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-slate-400"}`}
          />
          <span data-testid="debugger-state">{live ? "Live" : "Paused"}</span>
          <span className="text-slate-400">·</span>
          <span>
            {live ? `refreshing every ${DEBUGGER_REFRESH_MS / 1000} s, ` : ""}updated {updated}
          </span>
        </p>
        <Button type="button" variant="secondary" onClick={() => setLive((v) => !v)} aria-pressed={!live}>
          {live ? "Pause" : "Resume live"}
        </Button>
      </div>
      {query.isError ? (
        <Notice tone="error">
          Could not refresh: {query.error.message} {live ? "Trying again shortly." : ""}
        </Notice>
      ) : null}

      <section aria-labelledby="debugger-events-heading" className="space-y-2">
        <h3 id="debugger-events-heading" className="text-sm font-semibold text-slate-700">
          Latest events received ({events.length})
        </h3>
        {events.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-sm text-slate-600">
            No events from this source among the workspace&apos;s latest {formatNumber(scanWindow)} events. Send one
            with a snippet above: it appears here within a few seconds. Events imported from CSV, or sent before sources
            were recorded, carry no source and are not listed here.
          </p>
        ) : (
          <DebuggerEvents events={events} timeZone={timeZone} />
        )}
      </section>

      <section aria-labelledby="debugger-rejections-heading" className="space-y-2">
        <h3 id="debugger-rejections-heading" className="text-sm font-semibold text-slate-700">
          Latest rejected events ({rejections.length})
        </h3>
        {rejections.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-sm text-slate-600">
            Nothing from this source was rejected. When the tracking API refuses an event (invalid JSON, no userId or
            anonymousId, too large…), it shows here with the reason the sender was given.
          </p>
        ) : (
          <DebuggerRejections rejections={rejections} timeZone={timeZone} />
        )}
      </section>
    </div>
  );
}
