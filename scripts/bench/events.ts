import type { Random } from "@/lib/seed/random";

/**
 * A realistic tracking stream for benchmarks: many customers, some browsing anonymously before they
 * identify, page views, product events, a few orders and identifies — so identity resolution and the rollups
 * do the work they do in production.
 */
export function makeBatch(
  random: Random,
  size: number,
  runId: string,
  offset: number,
  customers: number,
  spreadMs = 30 * 86_400_000,
) {
  const batch: Record<string, unknown>[] = [];
  for (let i = 0; i < size; i++) {
    const n = offset + i;
    const user = random.int(1, customers);
    const anonymous = random.next() < 0.25;
    const base = {
      messageId: `${runId}-${n}`,
      ...(anonymous ? { anonymousId: `anon-${user}` } : { userId: `user-${user}` }),
      timestamp: new Date(Date.now() - random.int(0, spreadMs)).toISOString(),
      context: { library: { name: "bench", version: "1" } },
    };
    const roll = random.next();
    if (roll < 0.05) {
      batch.push({
        ...base,
        type: "identify",
        userId: `user-${user}`,
        anonymousId: `anon-${user}`,
        traits: { plan: "pro", email: `u${user}@bench.test` },
      });
    } else if (roll < 0.35) {
      batch.push({ ...base, type: "page", name: "Home", properties: { path: "/" } });
    } else if (roll < 0.38) {
      batch.push({
        ...base,
        type: "track",
        event: "Order Completed",
        properties: { order_id: `${runId}-o${n}`, revenue: random.int(10, 200) },
      });
    } else {
      batch.push({
        ...base,
        type: "track",
        event: random.next() < 0.5 ? "Product Viewed" : "Logged In",
        properties: { sku: `sku-${random.int(1, 500)}` },
      });
    }
  }
  return batch;
}
