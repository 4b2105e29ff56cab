import "server-only";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";
import { TrackingHttpError } from "@/lib/ingest/http/errors";
import { MAX_BATCH_EVENTS, trackingJson } from "@/lib/ingest/http/handle";
import { EventRateLimiter } from "@/lib/ingest/http/rate-limit";
import { readWriteKeyRequest } from "@/lib/ingest/http/write-key";
import type { RawItem } from "@/lib/ingest/ingest-types";
import { upsertTickets } from "./upsert";

export type TicketEndpoint = "single" | "batch";

const LIMITER = Symbol.for("tenure.ticketRateLimiter");

/** Tickets per second per write key, counted apart from the key's events but at the same rate. */
function limiter(): EventRateLimiter {
  const cache = globalThis as { [LIMITER]?: EventRateLimiter };
  cache[LIMITER] ??= new EventRateLimiter();
  return cache[LIMITER];
}

function batchItems(body: unknown): RawItem[] {
  if (!body || typeof body !== "object" || !Array.isArray((body as { batch?: unknown }).batch)) {
    throw new TrackingHttpError(400, 'A batch body must be an object with a "batch" array of tickets.');
  }
  const { batch } = body as { batch: unknown[] };
  if (batch.length > MAX_BATCH_EVENTS) {
    throw new TrackingHttpError(
      400,
      `A batch holds at most ${MAX_BATCH_EVENTS} tickets; this one has ${batch.length}.`,
    );
  }
  return batch.map((raw) => ({ raw, sizeBytes: Buffer.byteLength(JSON.stringify(raw) ?? "") }));
}

/**
 * POST /api/v1/tickets (one ticket) and /api/v1/tickets/batch: the tracking API's door (write key as HTTP Basic
 * user name or `writeKey` in the body, gzip, 32 KB per ticket, 500 KB and 2,500 tickets per batch, per-key rate
 * limit, CORS), then upsertTickets. A batch answers 200 with the tickets it refused listed by index; a single
 * ticket that is refused answers 400. Statuses and bodies: docs/tickets.md.
 */
export async function handleTicketPost(
  request: Request,
  endpoint: TicketEndpoint,
  deps: { database?: Database } = {},
): Promise<Response> {
  const receivedAt = new Date();
  try {
    const { body, database, source } = await readWriteKeyRequest(request, endpoint === "batch", deps.database);
    const items = endpoint === "batch" ? batchItems(body) : [{ raw: withoutWriteKey(body) }];
    const wait = limiter().take(source.sourceId, items.length, source.rateLimitPerSecond ?? env().INGEST_RATE_LIMIT);
    if (wait > 0) throw new TrackingHttpError(429, "Rate limit for this write key exceeded; retry later.", wait);
    const outcome = await upsertTickets(
      database.db,
      { workspaceId: source.workspaceId, sourceId: source.sourceId },
      items,
      { receivedAt },
    );
    if (endpoint === "single") {
      const [rejected] = outcome.rejected;
      if (rejected) return trackingJson({ success: false, error: rejected.message, reason: rejected.reason }, 400);
      return trackingJson({ success: true, ticket: outcome.tickets[0] ? publicResult(outcome.tickets[0]) : null });
    }
    return trackingJson({
      success: true,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      ...(outcome.rejected.length > 0 ? { rejected: outcome.rejected } : {}),
    });
  } catch (error) {
    if (error instanceof TrackingHttpError) {
      const extra: Record<string, string> = error.retryAfterSeconds
        ? { "Retry-After": String(error.retryAfterSeconds) }
        : {};
      return trackingJson({ success: false, error: error.message }, error.status, extra);
    }
    console.error("[tickets] could not store tickets:", error instanceof Error ? error.message : error);
    // 503, like the tracking API: nothing of this request was committed, and clients retry it.
    return trackingJson({ success: false, error: "Tickets could not be stored; retry." }, 503, { "Retry-After": "2" });
  }
}

/** The key travels in the body for browser clients; it is not part of the ticket. */
function withoutWriteKey(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body) || !("writeKey" in body)) return body;
  const { writeKey: _, ...ticket } = body as Record<string, unknown>;
  return ticket;
}

function publicResult(t: { id: number; externalId: string; customerId: number; result: string }) {
  return { id: t.id, externalId: t.externalId, customerId: t.customerId, result: t.result };
}
