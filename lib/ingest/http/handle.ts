import type { Database } from "@/lib/db";
import { env } from "@/lib/env";
import { acceptBatch } from "../inbox/accept";
import { inboxDrainer } from "../inbox/drainers";
import { ingestBatch, type RawItem } from "../ingest";
import type { MessageType } from "../message";
import { Admission } from "./admission";
import { TrackingHttpError } from "./errors";
import { EventRateLimiter } from "./rate-limit";
import { readWriteKeyRequest } from "./write-key";

export type Endpoint = MessageType | "batch";

/** Segment's paths, the short ones analytics.js uses (/v1/t …), and /v1/import as Segment's batch alias. */
export const ENDPOINTS: Record<string, Endpoint> = {
  identify: "identify",
  i: "identify",
  track: "track",
  t: "track",
  page: "page",
  p: "page",
  screen: "screen",
  s: "screen",
  group: "group",
  g: "group",
  alias: "alias",
  a: "alias",
  batch: "batch",
  b: "batch",
  import: "batch",
};

export const MAX_BATCH_EVENTS = 2_500;
/**
 * Accepted events this process lets wait for the drain before it answers 429: at the ~10,000 events/s one
 * drain sustains, about ten seconds behind. Past it, clients back off instead of the backlog growing.
 */
export const MAX_BACKLOG_EVENTS = 100_000;
const BACKLOG_RETRY_SECONDS = 2;

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
  // X-Retry-Count: analytics.js adds it when it resends an event; without it here, browsers block every retry.
  "Access-Control-Allow-Headers": "Content-Type, Authorization, Content-Encoding, X-Retry-Count",
  "Access-Control-Max-Age": "86400",
};

export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export function trackingJson(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...CORS_HEADERS, ...extra } });
}

type Guards = { limiter: EventRateLimiter; admission: Admission };
const GUARDS = Symbol.for("tenure.trackingGuards");

/** One rate limiter and one admission queue per process, shared by every tracking route bundle. */
function guards(kind: "pglite" | "postgres"): Guards {
  const cache = globalThis as { [GUARDS]?: Guards };
  const config = env();
  // PGlite runs one statement at a time, so more than one open ingest transaction only queues inside it.
  const concurrency = config.INGEST_CONCURRENCY || (kind === "pglite" ? 1 : 6);
  cache[GUARDS] ??= { limiter: new EventRateLimiter(), admission: new Admission(concurrency, config.INGEST_QUEUE) };
  return cache[GUARDS];
}

function batchItems(body: unknown): { items: RawItem[]; sentAt: unknown } {
  if (!body || typeof body !== "object" || !Array.isArray((body as { batch?: unknown }).batch)) {
    throw new TrackingHttpError(400, 'A batch body must be an object with a "batch" array of events.');
  }
  const { batch, sentAt, context } = body as { batch: unknown[]; sentAt?: unknown; context?: unknown };
  if (batch.length > MAX_BATCH_EVENTS) {
    throw new TrackingHttpError(400, `A batch holds at most ${MAX_BATCH_EVENTS} events; this one has ${batch.length}.`);
  }
  // Context sent once for the whole batch applies to every event; an event's own context wins.
  const shared = context && typeof context === "object" ? (context as Record<string, unknown>) : null;
  const items = batch.map((raw) => {
    const withContext =
      shared && raw && typeof raw === "object" && !Array.isArray(raw)
        ? { ...raw, context: { ...shared, ...((raw as { context?: Record<string, unknown> }).context ?? {}) } }
        : raw;
    return { raw: withContext, sizeBytes: Buffer.byteLength(JSON.stringify(raw) ?? "") };
  });
  return { items, sentAt };
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** POST /v1/<endpoint>: authenticate the write key, check limits, store the events, answer like Segment. */
export async function handleTrackingPost(
  request: Request,
  endpoint: Endpoint,
  deps: {
    database?: Database;
    /** Tests: take the inbox path even when idle, and/or use another backlog bound. */
    forceInbox?: boolean;
    maxBacklogEvents?: number;
  } = {},
): Promise<Response> {
  const receivedAt = new Date();
  try {
    const { body, database, source } = await readWriteKeyRequest(request, endpoint === "batch", deps.database);

    const single = endpoint !== "batch";
    const { items, sentAt } = single
      ? {
          items: [{ raw: body && typeof body === "object" ? { ...body, type: endpoint } : body }],
          sentAt: (body as { sentAt?: unknown } | null)?.sentAt,
        }
      : batchItems(body);

    const { limiter, admission } = guards(database.kind);
    const wait = limiter.take(source.sourceId, items.length, source.rateLimitPerSecond ?? env().INGEST_RATE_LIMIT);
    if (wait > 0) throw new TrackingHttpError(429, "Rate limit for this write key exceeded; retry later.", wait);

    // Idle server: store the batch completely before answering, so whatever the client reads next (a profile,
    // a count) already includes it. Busy server: commit it to the inbox and let the drain catch up — cheaper
    // per event, and still durable before the 2xx. Never inline while a backlog exists, so a client's later
    // batch cannot overtake its earlier one.
    const drainer = inboxDrainer(database);
    await drainer.ready;
    const target = { workspaceId: source.workspaceId, sourceId: source.sourceId };
    const options = { receivedAt, batchSentAt: parseDate(sentAt) };
    const inline = !deps.forceInbox && admission.idle && drainer.idle;
    if (!inline && drainer.pendingEvents + items.length > (deps.maxBacklogEvents ?? MAX_BACKLOG_EVENTS)) {
      // Make sure a drain is working on it (one that gave up after repeated failures restarts here).
      drainer.kick();
      throw new TrackingHttpError(429, "Tenure is behind on storing events; retry shortly.", BACKLOG_RETRY_SECONDS);
    }
    const admitted = await admission.run(async () => {
      if (inline) return ingestBatch(database.db, target, items, options);
      const outcome = await acceptBatch(database.db, target, items, { ...options, lanes: drainer.lanes });
      drainer.kick(outcome.accepted);
      return outcome;
    });
    if (!admitted) throw new TrackingHttpError(429, "Tenure is busy storing other events; retry shortly.", 1);
    const { rejected } = admitted.value;
    if (single && rejected.length > 0) {
      return trackingJson({ success: false, error: rejected[0]!.message, rejected }, 400);
    }
    return trackingJson(rejected.length > 0 ? { success: true, rejected } : { success: true });
  } catch (error) {
    if (error instanceof TrackingHttpError) {
      const extra: Record<string, string> = error.retryAfterSeconds
        ? { "Retry-After": String(error.retryAfterSeconds) }
        : {};
      return trackingJson({ success: false, error: error.message }, error.status, extra);
    }
    console.error("[tracking] could not store events:", error instanceof Error ? error.message : error);
    // 503 rather than 500: the libraries retry it, and nothing of this request was committed.
    return trackingJson({ success: false, error: "Events could not be stored; retry." }, 503, { "Retry-After": "2" });
  }
}
