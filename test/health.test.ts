import { describe, expect, it } from "vitest";

describe("GET /api/health", () => {
  it("answers 503 naming the database kind when PostgreSQL is unreachable", async () => {
    // Port 9 (discard) on loopback refuses connections: the server is up, its database is not.
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/tenure";
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: { kind: "postgres", reachable: false },
      jobs: { state: "off", queues: 0 },
    });
  });
});
