/**
 * Events per second per write key, as a token bucket in this process: a key may burst up to two seconds'
 * worth (at least one full batch), then is held to its rate. The answer is how long to wait, for Retry-After.
 */
export const DEFAULT_EVENTS_PER_SECOND = 20_000;
const MIN_BURST = 2_500;

type Bucket = { tokens: number; updatedAt: number; rate: number };

export class EventRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes `events` tokens for `key`, or returns the seconds to wait before retrying (nothing taken). */
  take(key: string, events: number, ratePerSecond: number, now = Date.now()): number {
    const capacity = Math.max(ratePerSecond * 2, MIN_BURST);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: now, rate: ratePerSecond };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond);
    bucket.updatedAt = now;
    bucket.rate = ratePerSecond;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= events) {
      bucket.tokens -= events;
      return 0;
    }
    return Math.max(1, Math.ceil((events - bucket.tokens) / ratePerSecond));
  }
}
