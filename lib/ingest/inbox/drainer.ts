import type { Database } from "@/lib/db/client";
import { DRAIN_CHUNK_EVENTS, drainInboxOnce, inboxBacklog, markDrainFailure } from "./drain";

/**
 * This process's background drain of ingest_inbox for one database: started by kick() after every accepted
 * batch (and by recover() when first created, for batches a previous process accepted and never drained),
 * it loops until the inbox is empty. `pendingEvents` is this process's view of the backlog, which the
 * tracking API uses to refuse (429) rather than queue without bound; `whenIdle()` lets callers wait for it.
 */
export class InboxDrainer {
  private running = 0;
  private pending = 0;
  private again = false;
  private isolate = false;
  private idleWaiters: (() => void)[] = [];
  /** Settles once the inbox left by earlier processes has been counted (and its drain started). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly loops: number,
  ) {}

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
    this.again = true;
    while (this.running < this.loops) {
      this.running++;
      void this.loop().finally(() => {
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

  private async loop() {
    let failures = 0;
    for (;;) {
      this.again = false;
      let claimed: readonly number[] = [];
      try {
        const result = await drainInboxOnce(this.database.db, {
          maxEvents: this.database.kind === "pglite" ? DRAIN_CHUNK_EVENTS_PGLITE : DRAIN_CHUNK_EVENTS,
          ...(this.isolate ? { maxRows: 1 } : {}),
          onClaim: (ids) => {
            claimed = ids;
          },
        });
        failures = 0;
        this.isolate = false;
        this.pending = Math.max(0, this.pending - result.events);
        if (result.rows === 0) {
          // Another loop or process may hold the remaining rows; only an empty pass with no new kick ends.
          if (!this.again) {
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
        this.isolate = true;
        // The database is likely down (or closed): stop retrying here; the next accepted batch kicks again,
        // and the rows wait safely in the inbox meanwhile.
        if (failures >= MAX_CONSECUTIVE_FAILURES) return;
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** failures)));
      }
    }
  }
}

const MAX_CONSECUTIVE_FAILURES = 8;
const DRAINERS = Symbol.for("tenure.inboxDrainers");

/** The drainer of a database in this process (one per Database object: tests open several at once). */
export function inboxDrainer(database: Database): InboxDrainer {
  const cache = globalThis as { [DRAINERS]?: WeakMap<Database, InboxDrainer> };
  cache[DRAINERS] ??= new WeakMap();
  let drainer = cache[DRAINERS].get(database);
  if (!drainer) {
    // PGlite runs one statement at a time: a second loop would only queue behind the first.
    drainer = new InboxDrainer(database, database.kind === "pglite" ? 1 : DRAIN_LOOPS_POSTGRES);
    cache[DRAINERS].set(database, drainer);
    drainer.recover();
  }
  return drainer;
}

// One loop: two drain transactions of 10,000 events share most of their customers, so the second waits on
// the first's row locks; measured with two, end-to-end throughput fell from 34 % to 27 % of the same-run
// reference (docs/benchmarks.md).
const DRAIN_LOOPS_POSTGRES = 1;
// PGlite runs one transaction at a time and every tracking request waits behind a drain transaction, so its
// drain takes smaller chunks: less efficient per event, but accepted batches wait a fraction of a second.
const DRAIN_CHUNK_EVENTS_PGLITE = 2_000;
