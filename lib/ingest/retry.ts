// Unique violations, deadlocks and serialization failures mean a concurrent batch touched the same customers
// first; the whole transaction is replayed against the state it left.
const RETRYABLE = new Set(["23505", "40P01", "40001"]);

/**
 * Thrown when a row this transaction resolved earlier was merged away or deleted by a concurrent one before the
 * lock on it was granted: the work is replayed (as a serialization failure is) against the committed state.
 */
export class StaleCustomerError extends Error {
  readonly code = "40001";
  constructor(what: string) {
    super(`customers changed by a concurrent batch (${what}); replaying`);
  }
}

export async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).code ??
        (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}
