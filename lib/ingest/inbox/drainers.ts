import type { Database } from "@/lib/db/client";
import { type Drainer, InboxDrainer } from "./drainer";
import { ThreadInboxDrainer } from "./thread-drainer";

const DRAINERS = Symbol.for("tenure.inboxDrainers");

/**
 * The drainer of a database in this process (one per Database object: tests open several at once). The
 * Next.js server drains PostgreSQL on a worker thread; PGlite lives on the main thread, so its drain must
 * too, and tests and scripts (no bundled thread entry) drain in process.
 */
export function inboxDrainer(database: Database): Drainer {
  const cache = globalThis as { [DRAINERS]?: WeakMap<Database, Drainer> };
  cache[DRAINERS] ??= new WeakMap();
  let drainer = cache[DRAINERS].get(database);
  if (!drainer) {
    if (database.kind === "postgres" && database.url && process.env.NEXT_RUNTIME === "nodejs") {
      drainer = new ThreadInboxDrainer({ url: database.url, loops: DRAIN_LOOPS_POSTGRES });
    } else {
      // PGlite runs one statement at a time: a second loop would only queue behind the first.
      const inProcess = new InboxDrainer(database, database.kind === "pglite" ? 1 : DRAIN_LOOPS_POSTGRES);
      inProcess.recover();
      drainer = inProcess;
    }
    cache[DRAINERS].set(database, drainer);
  }
  return drainer;
}

// One loop per core of the 2-core target: the drain's database backend is what limits throughput, and lanes
// keep the two loops off each other's customers (lanes.ts). Cut by arrival order instead, two 10,000-event
// chunks shared most of their customers and the second loop mostly waited (docs/benchmarks.md).
const DRAIN_LOOPS_POSTGRES = 2;
