import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import RudderAnalytics from "@rudderstack/rudder-sdk-node";
import type { AnalyticsBrowser } from "@segment/analytics-next";
import {
  Analytics,
  FetchHTTPClient,
  type HTTPClient,
  type HTTPClientRequest,
  type HTTPResponse,
} from "@segment/analytics-node";
import { DEMO_WRITE_KEY } from "@/lib/seed/demo-users";
import { type ShopServer, startShopServer } from "./clients/shop-server";
import { copiesByMessageId, digits, runId, TENURE_ORIGIN, TenureReader } from "./clients/tenure";

// Teams instrumented with Segment or RudderStack switch to Tenure by changing the host their library sends to.
// Each test drives the real, unmodified client library against the e2e server, then checks through Tenure's own
// pages and APIs (as the demo admin) that the events were stored once, on the right customer profile.

const WRITE_KEY = DEMO_WRITE_KEY;
const BASIC_AUTH = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;

let tenure: TenureReader;
test.beforeAll(async ({ browser }) => {
  tenure = await TenureReader.signIn(browser);
});
test.afterAll(async () => {
  await tenure?.close();
});

type SentBatch = { url: string; headers: Record<string, string>; body: string; messageIds: string[]; status?: number };

/** Records every batch request an @segment/analytics-node client makes, and the answer the library got. */
function recordBatches(analytics: Analytics): SentBatch[] {
  const sent: SentBatch[] = [];
  analytics.on("http_request", ({ url, headers, body }) => {
    const { batch } = JSON.parse(body) as { batch: { messageId: string }[] };
    sent.push({ url, headers, body, messageIds: batch.map((e) => e.messageId) });
  });
  analytics.on("http_response", ({ status, body }) => {
    const request = sent.find((s) => s.status === undefined && s.body === body);
    if (request) request.status = status;
  });
  return sent;
}

test("@segment/analytics-node sends identify, track and page to /v1/batch; they land on one new profile", async () => {
  const userId = `segment-node-${runId()}`;
  const email = `${userId}@example.com`;
  const before = await tenure.overview();

  // The only Tenure-specific setting: host (path defaults to Segment's /v1/batch).
  const analytics = new Analytics({ writeKey: WRITE_KEY, host: TENURE_ORIGIN });
  const sent = recordBatches(analytics);
  analytics.identify({ userId, traits: { email, name: "Nora Node", plan: "pro" } });
  analytics.track({ userId, event: "Subscription Started", properties: { plan: "pro", interval: "month" } });
  analytics.track({
    userId,
    event: "Order Completed",
    properties: { order_id: `order-${userId}`, revenue: 129, currency: "USD", products: [{ sku: "ETH-1KG" }] },
  });
  analytics.track({ userId, event: "Product Reviewed", properties: { rating: 5 } });
  analytics.page({ userId, name: "Account", properties: { path: "/account" } });
  await analytics.closeAndFlush({ timeout: 15_000 });

  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) {
    expect(request.url).toBe(`${TENURE_ORIGIN}/v1/batch`);
    expect(request.headers.Authorization).toBe(BASIC_AUTH);
    expect(request.status).toBe(200);
  }
  const messageIds = sent.flatMap((s) => s.messageIds);
  expect(messageIds).toHaveLength(5);

  const events = await tenure.eventsOf(userId);
  expect(events.map((e) => e.messageId).sort()).toEqual([...messageIds].sort());
  expect(events.map((e) => `${e.type} ${e.name ?? ""}`.trim())).toEqual([
    "identify",
    "track Subscription Started",
    "track Order Completed",
    "track Product Reviewed",
    "page Account",
  ]);
  expect(events.find((e) => e.name === "Order Completed")?.properties).toMatchObject({
    order_id: `order-${userId}`,
    revenue: 129,
  });

  // One new profile, named by the identify traits, holds all five events and the order.
  const profile = await tenure.profile(userId);
  expect(profile.title).toBe("Nora Node");
  expect(profile.facts).toMatchObject({ Email: email, "Customer id": userId, Events: "5", Orders: "1" });
  expect(digits(profile.facts["Lifetime revenue"])).toBe(129);
  expect(profile.identities).toContainEqual({ kind: "User id", value: userId });
  const after = await tenure.overview();
  expect(after).toEqual({
    customers: before.customers + 1,
    orders: before.orders + 1,
    revenue: before.revenue + 129,
  });
});

/** Delivers every request, but tells the library the first one failed: a response lost on the way back. */
class LosesFirstResponse implements HTTPClient {
  private readonly inner = new FetchHTTPClient();
  /** What Tenure really answered to each request. */
  readonly tenureStatuses: number[] = [];

  async makeRequest(request: HTTPClientRequest): Promise<HTTPResponse> {
    const response = await this.inner.makeRequest(request);
    this.tenureStatuses.push(response.status);
    if (this.tenureStatuses.length === 1) {
      return { status: 503, statusText: "Service Unavailable (response lost)", headers: {} };
    }
    return response;
  }
}

test("a batch the library retries, and events resent with the same messageId, are stored once", async () => {
  const userId = `segment-retry-${runId()}`;
  const email = `${userId}@example.com`;
  const before = await tenure.overview();

  // 1. The library's own retry: Tenure stored the batch, the answer was lost, the library sends it again.
  const httpClient = new LosesFirstResponse();
  const analytics = new Analytics({ writeKey: WRITE_KEY, host: TENURE_ORIGIN, httpClient });
  const sent = recordBatches(analytics);
  analytics.identify({ userId, traits: { email } });
  analytics.track({ userId, event: "Order Completed", properties: { order_id: `order-${userId}`, revenue: 40 } });
  analytics.track({ userId, event: "Cart Viewed" });
  await analytics.closeAndFlush({ timeout: 20_000 });

  expect(httpClient.tenureStatuses).toEqual(sent.map(() => 200));
  const [lost, ...rest] = sent;
  expect(lost?.status).toBe(503);
  const retry = rest.find((s) => s.headers["X-Retry-Count"] === "1");
  expect(retry?.messageIds).toEqual(lost!.messageIds);
  expect(rest.map((s) => s.status)).toEqual(rest.map(() => 200));
  const deliveredIds = new Set(sent.flatMap((s) => s.messageIds));
  expect(deliveredIds.size).toBe(3);

  // 2. An application-level retry: a second process resends the order with the messageId it chose.
  const messageId = `order-message-${userId}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const resender = new Analytics({ writeKey: WRITE_KEY, host: TENURE_ORIGIN });
    const resent = recordBatches(resender);
    resender.track({ userId, messageId, event: "Gift Card Redeemed", properties: { amount: 25 } });
    await resender.closeAndFlush({ timeout: 15_000 });
    expect(resent.map((s) => s.status)).toEqual([200]);
  }

  const events = await tenure.eventsOf(userId);
  const expected = Object.fromEntries([...deliveredIds, messageId].map((id) => [id, 1]));
  expect(copiesByMessageId(events)).toEqual(expected);
  const profile = await tenure.profile(userId);
  expect(profile.facts).toMatchObject({ Email: email, Events: "4", Orders: "1" });
  expect(digits(profile.facts["Lifetime revenue"])).toBe(40);
  const after = await tenure.overview();
  expect(after).toEqual({ customers: before.customers + 1, orders: before.orders + 1, revenue: before.revenue + 40 });
});

test("@rudderstack/rudder-sdk-node posts gzipped batches to the data plane URL; they land on one profile", async () => {
  const userId = `rudder-node-${runId()}`;
  const email = `${userId}@example.com`;
  const before = await tenure.overview();

  // The only Tenure-specific setting: dataPlaneUrl (path defaults to /v1/batch; gzip is on by default).
  const rudder = new RudderAnalytics(WRITE_KEY, { dataPlaneUrl: TENURE_ORIGIN, logLevel: "error" });
  // Watch what the library really puts on the wire, through the axios instance it posts with.
  type Wire = { url?: string; headers: Record<string, unknown>; data: unknown; status?: number };
  type Interceptors = {
    request: { use(f: (config: Wire) => Wire): void };
    response: { use(f: (response: { status: number }) => unknown): void };
  };
  const wire: Wire[] = [];
  const { interceptors } = (rudder as unknown as { axiosInstance: { interceptors: Interceptors } }).axiosInstance;
  interceptors.request.use((config) => {
    wire.push({ url: config.url, headers: { ...config.headers }, data: config.data });
    return config;
  });
  interceptors.response.use((response) => {
    const pending = wire.find((w) => w.status === undefined);
    if (pending) pending.status = response.status;
    return response;
  });

  rudder.identify({ userId, traits: { email, name: "Rudi Rudder" } });
  rudder.track({ userId, event: "Product Viewed", properties: { sku: "DECAF-500G" } });
  rudder.track({ userId, event: "Order Completed", properties: { order_id: `order-${userId}`, revenue: 42 } });
  await rudder.flush();

  expect(wire.length).toBeGreaterThan(0);
  const sentIds: string[] = [];
  for (const request of wire) {
    expect(request.url).toBe(`${TENURE_ORIGIN}/v1/batch`);
    expect(request.headers["Content-Encoding"]).toBe("gzip");
    expect(request.status).toBe(200);
    const body = request.data as Buffer;
    expect([body[0], body[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number: the body really is compressed
    const { batch } = JSON.parse(gunzipSync(body).toString("utf8")) as { batch: { messageId: string }[] };
    sentIds.push(...batch.map((e) => e.messageId));
  }
  expect(sentIds).toHaveLength(3);

  const events = await tenure.eventsOf(userId);
  expect(events.map((e) => e.messageId).sort()).toEqual([...sentIds].sort());
  expect(events.map((e) => `${e.type} ${e.name ?? ""}`.trim())).toEqual([
    "identify",
    "track Product Viewed",
    "track Order Completed",
  ]);
  const profile = await tenure.profile(userId);
  expect(profile.title).toBe("Rudi Rudder");
  expect(profile.facts).toMatchObject({ Email: email, "Customer id": userId, Events: "3", Orders: "1" });
  expect(digits(profile.facts["Lifetime revenue"])).toBe(42);
  const after = await tenure.overview();
  expect(after).toEqual({ customers: before.customers + 1, orders: before.orders + 1, revenue: before.revenue + 42 });
});

/**
 * Runs in the shop page before analytics.js: passes every request through, but makes the first track request
 * look failed to analytics.js after Tenure has stored it (a response lost on the way back), so analytics.js
 * retries it, as it would for real, with an X-Retry-Count header. Records the X-Retry-Count of each track request.
 */
function loseFirstTrackResponse() {
  const realFetch = window.fetch.bind(window);
  const seen = window as unknown as { trackRetryCounts: (string | null)[] };
  seen.trackRetryCounts = [];
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await realFetch(input, init);
    if (url.endsWith("/v1/t")) {
      seen.trackRetryCounts.push(new Headers(init?.headers).get("x-retry-count"));
      if (seen.trackRetryCounts.length === 1) throw new TypeError("Failed to fetch (response lost)");
    }
    return response;
  };
}

let shop: ShopServer;
test.describe("in the browser", () => {
  test.beforeAll(async () => {
    shop = await startShopServer();
  });
  test.afterAll(async () => {
    await shop?.close();
  });

  test("analytics.js loads its settings from Tenure and sends page, identify and track cross-origin; a retry is stored once", async ({
    browser,
  }) => {
    const userId = `ajs-${runId()}`;
    const email = `${userId}@example.com`;
    const before = await tenure.overview();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(loseFirstTrackResponse);
    // Nothing may go to Segment's CDN or API, or anywhere but the shop and Tenure.
    const requested: string[] = [];
    page.on("request", (request) => {
      requested.push(request.url());
    });
    const toTenure: { call: string; authorization: Promise<string | null> }[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin !== TENURE_ORIGIN) return;
      toTenure.push({
        call: `${response.request().method()} ${url.pathname} ${response.status()}`,
        authorization: response.request().headerValue("authorization"),
      });
    });
    await page.goto(`${shop.origin}/pricing`);

    // The npm API, as a site bundles it: the only Tenure-specific setting is cdnURL.
    const anonymousId = await page.evaluate(
      async ({ writeKey, cdnURL, userId, email }) => {
        const { AnalyticsBrowser: Browser } = (
          window as unknown as { AnalyticsNext: { AnalyticsBrowser: typeof AnalyticsBrowser } }
        ).AnalyticsNext;
        const [analytics] = await Browser.load({ writeKey, cdnURL });
        await analytics.page("Pricing", { plan: "pro" });
        const anonymousId = analytics.user().anonymousId();
        await analytics.identify(userId, { email, name: "Ada Browser" });
        await analytics.track("Trial Started", { plan: "pro" });
        await analytics.page("Welcome");
        return anonymousId;
      },
      { writeKey: WRITE_KEY, cdnURL: TENURE_ORIGIN, userId, email },
    );
    expect(anonymousId).toBeTruthy();

    // The track request is answered twice by Tenure: the "lost" first one and the retry, whose CORS preflight
    // (it carries X-Retry-Count) Tenure must allow.
    await expect.poll(() => toTenure.filter((r) => r.call === "POST /v1/t 200").length).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { trackRetryCounts: unknown }).trackRetryCounts)).toEqual([
      null,
      "1",
    ]);
    expect(toTenure.map((r) => r.call).sort()).toEqual(
      [
        `GET /v1/projects/${WRITE_KEY}/settings 200`,
        "POST /v1/p 200",
        "POST /v1/i 200",
        "POST /v1/t 200",
        "POST /v1/t 200",
        "POST /v1/p 200",
      ].sort(),
    );
    for (const post of toTenure.filter((r) => r.call.startsWith("POST"))) {
      expect(await post.authorization).toBe(BASIC_AUTH);
    }
    expect(
      requested.filter((url) => !url.startsWith(`${shop.origin}/`) && !url.startsWith(`${TENURE_ORIGIN}/v1/`)),
    ).toEqual([]);

    // Each event once; the page viewed before identify was anonymous and is on the same profile as the rest.
    const events = await tenure.eventsOf(userId, anonymousId!);
    expect(events.map((e) => `${e.type} ${e.name ?? ""}`.trim())).toEqual([
      "page Pricing",
      "identify",
      "track Trial Started",
      "page Welcome",
    ]);
    expect(Object.values(copiesByMessageId(events))).toEqual([1, 1, 1, 1]);
    expect(events[0]).toMatchObject({ userId: null, anonymousId });
    expect(events[1]).toMatchObject({ userId, anonymousId });
    const profile = await tenure.profile(userId);
    expect(profile.title).toBe("Ada Browser");
    expect(profile.facts).toMatchObject({ Email: email, "Customer id": userId, Events: "4" });
    expect(profile.identities).toEqual(
      expect.arrayContaining([
        { kind: "User id", value: userId },
        { kind: "Anonymous id", value: anonymousId },
      ]),
    );
    expect((await tenure.overview()).customers).toBe(before.customers + 1);
    await context.close();
  });

  test("CORS preflights allow the methods and headers the libraries send", async ({ request }) => {
    for (const path of ["/v1/t", "/v1/batch", `/v1/projects/${WRITE_KEY}/settings`]) {
      const response = await request.fetch(`${TENURE_ORIGIN}${path}`, {
        method: "OPTIONS",
        headers: {
          Origin: shop.origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization,content-type,content-encoding,x-retry-count",
        },
      });
      expect(response.status(), path).toBe(204);
      const headers = response.headers();
      expect(headers["access-control-allow-origin"]).toBe("*");
      expect(headers["access-control-allow-methods"]).toContain("POST");
      const allowed = headers["access-control-allow-headers"]!.toLowerCase().split(/,\s*/);
      expect(allowed).toEqual(
        expect.arrayContaining(["authorization", "content-type", "content-encoding", "x-retry-count"]),
      );
    }
  });
});
