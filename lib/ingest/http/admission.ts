/**
 * Bounds the ingest transactions running at once. Past that, requests wait in a short queue; when the queue
 * is full the API answers 429 with Retry-After, which every Segment and RudderStack library honours by
 * retrying — overload slows clients down instead of accepting events it cannot commit.
 */
export class Admission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  /** True when no work is running or waiting. */
  get idle() {
    return this.running === 0;
  }

  /** Runs `work` when a slot is free; returns null (without running it) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return { value: await work() };
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
