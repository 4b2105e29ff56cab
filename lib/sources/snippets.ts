/**
 * Copy-paste set-up code for one source, filled with its write key and the address the admin opened Tenure
 * at (the tracking API is served by the same app under /v1). Pure: used by the server-rendered page.
 *
 * Option names follow Segment's libraries: @segment/analytics-node takes { writeKey, host, path } (host is
 * the base URL, path defaults to /v1/batch); @segment/analytics-next's AnalyticsBrowser.load takes
 * { writeKey, cdnURL } (it fetches `${cdnURL}/v1/projects/${writeKey}/settings`) and sends events to
 * `${protocol}://${apiHost}/…` as configured under integrations["Segment.io"].
 */
export type SourceSnippets = { node: string; browser: string; curl: string };

export type AppOrigin = { protocol: "http" | "https"; host: string };

export function sourceSnippets(writeKey: string, origin: AppOrigin): SourceSnippets {
  const base = `${origin.protocol}://${origin.host}`;
  const key = JSON.stringify(writeKey);
  const node = [
    `import { Analytics } from "@segment/analytics-node";`,
    ``,
    `const analytics = new Analytics({ writeKey: ${key}, host: ${JSON.stringify(base)}, path: "/v1/batch" });`,
    ``,
    `analytics.identify({ userId: "u1", traits: { email: "ada@example.com" } });`,
    `analytics.track({ userId: "u1", event: "Signed Up", properties: { plan: "pro" } });`,
    `await analytics.closeAndFlush();`,
  ].join("\n");
  const browser = [
    `import { AnalyticsBrowser } from "@segment/analytics-next";`,
    ``,
    `export const analytics = AnalyticsBrowser.load(`,
    `  { writeKey: ${key}, cdnURL: ${JSON.stringify(base)} },`,
    `  { integrations: { "Segment.io": { apiHost: ${JSON.stringify(`${origin.host}/v1`)}, protocol: "${origin.protocol}" } } },`,
    `);`,
    ``,
    `analytics.page();`,
    `analytics.track("Signed Up", { plan: "pro" });`,
  ].join("\n");
  // Single quotes around the body keep it literal in POSIX shells; a write key has no shell-special characters.
  const curl = [
    `curl -u ${writeKey}: \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"userId":"u1","event":"Signed Up"}' \\`,
    `  ${base}/v1/track`,
  ].join("\n");
  return { node, browser, curl };
}

/**
 * The origin of the current request from its Host and X-Forwarded-* headers, as a reverse proxy forwards
 * them. Falls back to http, which is right for a local start and wrong only behind a proxy that terminates
 * TLS without sending X-Forwarded-Proto.
 */
export function originFromHeaders(headers: { get(name: string): string | null }): AppOrigin {
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host")) ?? "localhost:3000";
  const proto = firstValue(headers.get("x-forwarded-proto"));
  return { protocol: proto === "https" ? "https" : "http", host };
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value : undefined;
}
