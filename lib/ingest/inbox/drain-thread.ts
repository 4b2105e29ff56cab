/**
 * Entry point of the drain's worker thread (started by thread-drainer.ts): the same drain loops as in
 * process, on a PostgreSQL pool of their own. Decoding a 10,000-event chunk, planning identities and building
 * its statements is JavaScript that held the server's event loop for up to ~170 ms at a time; here it does
 * not delay the tracking requests the main thread answers.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/lib/db/client";
import type { DrainThreadData, FromDrainThread, ToDrainThread } from "./drain-thread-messages";
import { InboxDrainer } from "./drainer";

async function main() {
  const port = parentPort;
  if (!port) throw new Error("drain-thread.ts runs as a worker thread");
  const { url, loops } = workerData as DrainThreadData;
  const send = (message: FromDrainThread) => port.postMessage(message);
  // One connection per loop, and one for counting the backlog.
  const database = await openDatabase({ kind: "postgres", url, poolSize: loops + 1 });
  const drainer = new InboxDrainer(database, loops, (events) => send({ type: "drained", events }));

  let lastSeq = 0;
  let watching = false;
  // Reports idleness once per busy spell, naming the last kick seen, so the server can tell whether a kick
  // it sent since is still being worked on.
  const watchIdle = () => {
    if (watching || drainer.idle) return;
    watching = true;
    void drainer.whenIdle().then(() => {
      watching = false;
      send({ type: "idle", seq: lastSeq, pending: drainer.pendingEvents });
    });
  };
  port.on("message", (message: ToDrainThread) => {
    lastSeq = message.seq;
    drainer.kick(message.events);
    watchIdle();
  });
  drainer.recover();
  await drainer.ready;
  send({ type: "ready", backlog: drainer.pendingEvents });
  watchIdle();
}

main().catch((error: unknown) => {
  console.error("[ingest] drain thread failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
