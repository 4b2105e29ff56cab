import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("blocks after the limit within the window and frees the key when the window passes", () => {
    const limiter = new FailureLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) limiter.recordFailure("k", t0 + i * 1000);
    expect(limiter.retryAfterMs("k", t0 + 3000)).toBe(57_000);
    expect(limiter.retryAfterMs("other", t0 + 3000)).toBe(0);
    expect(limiter.retryAfterMs("k", t0 + 60_001)).toBe(0);
  });

  it("forgets failures after a success", () => {
    const limiter = new FailureLimiter(2, 60_000);
    limiter.recordFailure("k", 0);
    limiter.recordFailure("k", 1);
    limiter.reset("k");
    expect(limiter.retryAfterMs("k", 2)).toBe(0);
  });
});
