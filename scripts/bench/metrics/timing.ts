import { TooSlow } from "@/lib/errors";
import { percentile } from "../stats";

export type Timing = { runs: number; p50: number; p95: number; samplesMs: number[]; timedOut?: boolean };

/** PostgreSQL's "canceling statement due to statement timeout", also as the product's TooSlow. */
function isStatementTimeout(error: unknown): boolean {
  if (error instanceof TooSlow) return true;
  return typeof error === "object" && error !== null && "code" in error && error.code === "57014";
}

/** measure(), but a statement timeout yields a timing marked timedOut and no result instead of an error. */
export async function measureOrTimeout<T>(
  fn: () => Promise<T>,
  runs: number,
): Promise<{ timing: Timing; result: T | null }> {
  try {
    return await measure(fn, runs);
  } catch (error) {
    if (!isStatementTimeout(error) && !isStatementTimeout((error as { cause?: unknown }).cause)) throw error;
    return { timing: { runs: 0, p50: Number.NaN, p95: Number.NaN, samplesMs: [], timedOut: true }, result: null };
  }
}

/**
 * Runs `fn` once untimed (plans, caches and JIT warm up, as on a page viewed twice), then `runs` times, and
 * returns p50/p95 of the timed runs together with the last run's result, which the caller checks.
 */
export async function measure<T>(fn: () => Promise<T>, runs: number): Promise<{ timing: Timing; result: T }> {
  let result = await fn();
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await fn();
    samplesMs.push(performance.now() - started);
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { timing: { runs, p50: percentile(sorted, 50), p95: percentile(sorted, 95), samplesMs }, result };
}
