import { describe, expect, it } from "vitest";
import { originFromHeaders, sourceSnippets } from "./snippets";

describe("set-up snippets", () => {
  const key = "tnr_wk_abc";

  it("fills every snippet with the key and the address Tenure is opened at", () => {
    const s = sourceSnippets(key, { protocol: "https", host: "tenure.example.com" });
    expect(s.node).toContain(
      'new Analytics({ writeKey: "tnr_wk_abc", host: "https://tenure.example.com", path: "/v1/batch" })',
    );
    expect(s.browser).toContain('{ writeKey: "tnr_wk_abc", cdnURL: "https://tenure.example.com" }');
    expect(s.browser).toContain('"Segment.io": { apiHost: "tenure.example.com/v1", protocol: "https" }');
    expect(s.curl).toBe(
      [
        "curl -u tnr_wk_abc: \\",
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"userId":"u1","event":"Signed Up"}' \\`,
        "  https://tenure.example.com/v1/track",
      ].join("\n"),
    );
  });

  it("takes the origin from forwarded headers first, then Host, defaulting to http", () => {
    const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });
    expect(originFromHeaders(headers({ host: "localhost:3100" }))).toEqual({
      protocol: "http",
      host: "localhost:3100",
    });
    expect(
      originFromHeaders(
        headers({ host: "10.0.0.5:3000", "x-forwarded-host": "tenure.example.com", "x-forwarded-proto": "https,http" }),
      ),
    ).toEqual({ protocol: "https", host: "tenure.example.com" });
  });
});
