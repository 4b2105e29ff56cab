import { Worker } from "node:worker_threads";
import type { DrainThreadData, FromDrainThread, ToDrainThread } from "./drain-thread-messages";
import type { Drainer } from "./drainer";
import { InboxLanes } from "./lanes";

/**
 * The server's drain on PostgreSQL, run on a worker thread (drain-thread.ts) so that its JavaScript never
 * stands between a tracking request and its answer. This side keeps what the tracking API asks of a drain —
 * the backlog count, whether the drain is idle, the lanes — and forwards every kick. A thread that dies is
 * started again by the next kick; what it had claimed stays in the inbox (its transaction never committed).
 */
export class ThreadInboxDrainer implements Drainer {
  readonly mode = "thread";
  readonly lanes: InboxLanes;
  ready: Promise<void>;
  private worker: Worker | null = null;
  private pending = 0;
  /** The last kick sent; the thread is busy until it reports idle having seen this one. */
  private seq = 0;
  private busy = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly thread: DrainThreadData,
    /** Tests run the TypeScript entry through tsx (`["--import", "tsx"]`); the server runs the bundled one. */
    private readonly execArgv?: string[],
  ) {
    this.lanes = new InboxLanes(thread.loops);
    this.ready = this.start();
  }

  get pendingEvents() {
    return this.pending;
  }

  get idle() {
    return !this.busy && this.pending === 0;
  }

  kick(acceptedEvents = 0) {
    this.pending += acceptedEvents;
    this.busy = true;
    if (!this.worker) this.ready = this.start();
    this.post({ type: "kick", events: acceptedEvents, seq: ++this.seq });
  }

  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the thread (a drain transaction in flight rolls back, its batches stay in the inbox). */
  async close() {
    await this.worker?.terminate();
  }

  private post(message: ToDrainThread) {
    this.worker?.postMessage(message);
  }

  private start(): Promise<void> {
    // `new Worker(new URL(…, import.meta.url))` as one expression: the form Next's bundler recognises and
    // builds the thread's entry for.
    const worker = new Worker(new URL("./drain-thread.ts", import.meta.url), {
      workerData: this.thread,
      ...(this.execArgv ? { execArgv: this.execArgv } : {}),
    });
    this.worker = worker;
    // A kick sent before the thread was up is queued by the worker's port; so is an idle waiter's wait.
    return new Promise<void>((resolve) => {
      worker.on("message", (message: FromDrainThread) => {
        if (message.type === "ready") {
          // The thread's count covers every process's waiting batches, this one's included.
          if (message.backlog > 0) {
            this.pending = Math.max(this.pending, message.backlog);
            this.busy = true;
          }
          resolve();
        } else if (message.type === "drained") {
          this.pending = Math.max(0, this.pending - message.events);
        } else if (message.seq === this.seq) {
          // The thread's drainer keeps the same count by the same rules (only an empty inbox clears it), and
          // has seen every kick sent so far.
          this.busy = false;
          this.pending = message.pending;
          this.resolveIdleWaiters();
        }
      });
      worker.on("error", (error) => {
        console.error("[ingest] drain thread failed:", error.message);
      });
      worker.on("exit", () => {
        if (this.worker !== worker) return;
        this.worker = null;
        // Nothing drains until the next kick starts a thread again, which recounts the inbox. What it left
        // stays counted as pending, so the backlog bound still refuses (429) rather than queue without end.
        this.busy = false;
        this.resolveIdleWaiters();
        resolve();
      });
    });
  }

  private resolveIdleWaiters() {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
