import type { Database } from "@/lib/db/client";
import { DRAIN_CHUNK_EVENTS, drainInboxOnce, inboxBacklog, markDrainFailure } from "./drain";
import { InboxLanes } from "./lanes";

/** What the tracking API needs of a background drain, whether it runs on this thread or on its own. */
export type Drainer = {
  /** Where the drain's JavaScript runs (reported by /api/health). */
  readonly mode: "thread" | "in-process";
  /** Settles once the inbox left by earlier processes has been counted (and its drain started). */
  readonly ready: Promise<void>;
  /** Splits what the tracking API accepts into one lane per drain loop. */
  readonly lanes: InboxLanes;
  /** Accepted events not yet stored, as far as this process knows: the backlog bound refuses (429) past it. */
  readonly pendingEvents: number;
  /** True when nothing accepted by this process is waiting and no drain is running. */
  readonly idle: boolean;
  /** Notes newly accepted events and makes sure a drain is running. */
  kick(acceptedEvents?: number): void;
  /** Resolves when the drain has stopped (the inbox was found empty). */
  whenIdle(): Promise<void>;
};

/**
 * This process's background drain of ingest_inbox for one database: started by kick() after every accepted
 * batch (and by recover() when first created, for batches a previous process accepted and never drained),
 * it loops until the inbox is empty. `pendingEvents` is this process's view of the backlog, which the
 * tracking API uses to refuse (429) rather than queue without bound; `whenIdle()` lets callers wait for it.
 */
export class InboxDrainer implements Drainer {
  readonly mode = "in-process";
  private running = 0;
  private readonly lanesRunning = new Set<number>();
  private pending = 0;
  /** Per lane: was there a kick since the loop's last pass began (new rows may be waiting)? */
  private readonly again: boolean[];
  private idleWaiters: (() => void)[] = [];
  /** Settles once the inbox left by earlier processes has been counted (and its drain started). */
  ready: Promise<void> = Promise.resolve();

  /** Splits what the tracking API accepts into one lane per drain loop. */
  readonly lanes: InboxLanes;

  constructor(
    private readonly database: Database,
    private readonly loops: number,
    /** Told how many events each drain transaction stored (the drain thread reports them to the server). */
    private readonly onDrained: (events: number) => void = () => {},
  ) {
    this.lanes = new InboxLanes(loops);
    this.again = Array.from({ length: loops }, () => false);
  }

  get pendingEvents() {
    return this.pending;
  }

  /** True when nothing accepted by this process is waiting and no drain is running. */
  get idle() {
    return this.running === 0 && this.pending === 0;
  }

  /** Counts what earlier processes left in the inbox and drains it. */
  recover() {
    this.ready = inboxBacklog(this.database.db).then(
      (events) => {
        if (events > 0) this.kick(events);
      },
      (error: unknown) => {
        console.error("[ingest] could not read the inbox backlog:", error instanceof Error ? error.message : error);
        this.kick();
      },
    );
  }

  /** Notes newly accepted events and makes sure a drain is running. */
  kick(acceptedEvents = 0) {
    this.pending += acceptedEvents;
    this.again.fill(true);
    for (let lane = 0; lane < this.loops; lane++) {
      if (this.lanesRunning.has(lane)) continue;
      this.lanesRunning.add(lane);
      this.running++;
      void this.loop(lane).finally(() => {
        this.lanesRunning.delete(lane);
        this.running--;
        if (this.running === 0) {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
    }
  }

  /** Resolves when every drain loop has stopped (the inbox was found empty). */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async loop(lane: number) {
    let failures = 0;
    let isolate = false;
    for (;;) {
      this.again[lane] = false;
      let claimed: readonly number[] = [];
      try {
        const result = await drainInboxOnce(this.database.db, {
          maxEvents: this.database.kind === "pglite" ? DRAIN_CHUNK_EVENTS_PGLITE : DRAIN_CHUNK_EVENTS,
          ...(isolate ? { maxRows: 1 } : {}),
          lane: { index: lane, of: this.loops },
          onClaim: (ids) => {
            claimed = ids;
          },
        });
        failures = 0;
        isolate = false;
        this.pending = Math.max(0, this.pending - result.events);
        if (result.events > 0) this.onDrained(result.events);
        if (result.rows === 0) {
          // Another loop or process may hold the remaining rows; only an empty pass with no new kick ends.
          if (!this.again[lane]) {
            if (this.running === 1) this.pending = 0;
            return;
          }
        }
      } catch (error) {
        failures++;
        console.error("[ingest] drain failed:", error instanceof Error ? error.message : error);
        // A chunk fails as a whole; retry its batches one at a time so a single bad batch cannot hold
        // back the others, and count failures against a batch only when it failed alone.
        if (claimed.length === 1) await markDrainFailure(this.database.db, claimed).catch(() => undefined);
        isolate = true;
        // The database is likely down (or closed): stop retrying here; the next accepted batch kicks again,
        // and the rows wait safely in the inbox meanwhile.
        if (failures >= MAX_CONSECUTIVE_FAILURES) return;
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** failures)));
      }
    }
  }
}

const MAX_CONSECUTIVE_FAILURES = 8;
// PGlite runs one transaction at a time and every tracking request waits behind a drain transaction, so its
// drain takes smaller chunks: less efficient per event, but accepted batches wait a fraction of a second.
const DRAIN_CHUNK_EVENTS_PGLITE = 2_000;
