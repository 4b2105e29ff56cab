import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import type { MetricSettings } from "@/lib/metrics/settings";
import { Random } from "@/lib/seed/random";

/**
 * For the fact tables' property tests: random ingest streams of the shape real clients send — track, page,
 * screen, identify and alias calls from anonymous and known users (identifies and aliases merge profiles),
 * message ids retried with another timestamp, timestamps out of order, and every third batch sent again
 * together with the one before it, as a client would after a timeout. Each test sends them through the real
 * ingest path and then compares what ingest kept with a rebuild from the raw events.
 */
export type StreamOptions = {
  /** Track event names to draw from. */
  names: readonly string[];
  /** Properties for a track event of a given name (drawn per event). */
  properties?: (name: string, random: () => number) => Record<string, unknown>;
  batches?: number;
  /** Events' timestamps fall in the 60 days from this instant. */
  start?: string;
};

export function randomStream(seed: number, options: StreamOptions): unknown[][] {
  const rng = new Random(seed);
  const random = () => rng.next();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Enough people, and merges rare enough, that a stream ends with several customers, not one.
  const users = Array.from({ length: 12 }, (_, i) => `u${i + 1}`);
  const anons = Array.from({ length: 16 }, (_, i) => `a${i + 1}`);
  const start = Date.parse(options.start ?? "2026-03-01T00:00:00Z");
  const sent: unknown[][] = [];
  const batches: unknown[][] = [];
  let n = 0;
  for (let b = 0; b < (options.batches ?? 14); b++) {
    const batch: unknown[] = [];
    const size = 1 + Math.floor(random() * 30);
    for (let i = 0; i < size; i++) {
      n++;
      const hasUser = random() < 0.5;
      const hasAnon = !hasUser || random() < 0.5;
      const type = pick([...Array(10).fill("track"), "page", "screen", "identify", "alias"] as const);
      const messageId = n > 3 && random() < 0.1 ? `m${seed}-${1 + Math.floor(random() * (n - 1))}` : `m${seed}-${n}`;
      const timestamp = new Date(start + Math.floor(random() * 60 * 86_400_000)).toISOString();
      // A known user's anonymous id is mostly their own device's (a merge of that visitor into them), now and
      // then another one's (a merge of two people's histories).
      const user = hasUser || type === "alias" ? pick(users) : null;
      const anon = user !== null && random() < 0.9 ? `a${user.slice(1)}` : pick(anons);
      const base = {
        messageId,
        timestamp,
        ...(user !== null ? { userId: user } : {}),
        ...(hasAnon ? { anonymousId: anon } : {}),
      };
      if (type === "alias") batch.push({ ...base, type, previousId: random() < 0.8 ? pick(anons) : pick(users) });
      else if (type === "identify") batch.push({ ...base, type, traits: { plan: pick(["a", "b"]) } });
      else if (type === "track") {
        const event = pick(options.names);
        batch.push({ ...base, type, event, properties: options.properties?.(event, random) ?? {} });
      } else batch.push({ ...base, type, name: pick(["Home", "Pricing"]) });
    }
    sent.push(batch);
    batches.push(...(b % 3 === 2 ? [batch, sent[b - 1]!] : [batch]));
  }
  return batches;
}

export async function newWorkspace(
  db: Db,
  name: string,
  metrics: Partial<MetricSettings> = {},
  timeZone = "UTC",
): Promise<string> {
  const [w] = await db.insert(workspaces).values({ name, timeZone, settings: { metrics } }).returning();
  return w!.id;
}

export async function ingest(db: Db, workspaceId: string, batches: readonly (readonly unknown[])[]) {
  for (const messages of batches) {
    await ingestBatch(
      db,
      { workspaceId, sourceId: null },
      messages.map((raw) => ({ raw })),
    );
  }
}

/** How many profiles the stream merged into others: the property tests check that it did exercise merges. */
export async function mergedProfiles(db: Db, workspaceId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from customers where workspace_id = ${workspaceId} and merged_into is not null`,
  );
  return Number(row?.n ?? 0);
}
