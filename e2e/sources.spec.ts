import { expect, test } from "@playwright/test";
import { DEMO_SOURCE_NAME, DEMO_WRITE_KEY } from "@/lib/seed/demo-users";
import { screenshot, signInAs } from "./helpers";

const KEY = /^tnr_wk_[A-Za-z0-9_-]{32}$/;

test("an admin creates a source, copies its snippets, sets a rate limit, rotates its key and revokes it", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "http://localhost:3100");
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { name: "Sources", exact: true })).toBeVisible();

  const form = page.getByRole("form", { name: "Create source" });
  await form.getByLabel("Name").fill("E2E Backend");
  await form.getByRole("button", { name: "Create source" }).click();
  await expect(page).toHaveURL(/\/settings\/sources\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { name: "E2E Backend" })).toBeVisible();
  await expect(page.getByText("Source created.")).toBeVisible();

  const keyBox = page.getByTestId("write-key");
  const firstKey = (await keyBox.textContent()) ?? "";
  expect(firstKey).toMatch(KEY);

  // Each snippet carries the key and the address this browser is on.
  const snippet = page.getByTestId("snippet");
  await expect(snippet).toContainText(
    `new Analytics({ writeKey: "${firstKey}", host: "${origin.origin}", path: "/v1/batch" })`,
  );
  await page.getByRole("tab", { name: "Browser (analytics.js)" }).click();
  await expect(snippet).toContainText(`{ writeKey: "${firstKey}", cdnURL: "${origin.origin}" }`);
  await expect(snippet).toContainText(`"Segment.io": { apiHost: "${origin.host}/v1", protocol: "http" }`);
  await page.getByRole("tab", { name: "curl" }).click();
  await expect(snippet).toContainText(`curl -u ${firstKey}:`);
  await expect(snippet).toContainText(`${origin.origin}/v1/track`);

  // Rate limit: a bad value is explained and kept; a good one is saved.
  const settings = page.getByRole("form", { name: "Source settings" });
  await settings.getByLabel("Rate limit (events per second)").fill("lots");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Enter a whole number of events per second")).toBeVisible();
  await expect(settings.getByLabel("Rate limit (events per second)")).toHaveValue("lots");
  await settings.getByLabel("Rate limit (events per second)").fill("50");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Saved.")).toBeVisible();
  await expect(page.getByText("50 events/s")).toBeVisible();

  // Rotating asks first, then replaces the key.
  await page.getByRole("button", { name: "Rotate key" }).click();
  await page.getByRole("button", { name: "Rotate now" }).click();
  await expect(page.getByText("New key created. The old key stopped working")).toBeVisible();
  await expect(keyBox).not.toHaveText(firstKey);
  const secondKey = (await keyBox.textContent()) ?? "";
  expect(secondKey).toMatch(KEY);
  expect(secondKey).not.toBe(firstKey);

  await page.getByRole("button", { name: "Revoke source" }).click();
  await page.getByRole("button", { name: "Revoke for good" }).click();
  await expect(page.getByText("This key no longer works")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rotate key" })).toHaveCount(0);

  await page.getByRole("link", { name: "← All sources" }).click();
  const row = page.getByRole("row", { name: /E2E Backend/ });
  await expect(row).toContainText("Revoked");
  await expect(row).toContainText(secondKey);
  await expect(page.getByRole("row", { name: new RegExp(DEMO_SOURCE_NAME) })).toContainText(DEMO_WRITE_KEY);
  await screenshot(page, "sources");
});

test("the live debugger shows the demo Website source's latest events and keeps polling", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/sources");
  await page.getByRole("link", { name: DEMO_SOURCE_NAME, exact: true }).click();
  await expect(page.getByTestId("write-key")).toHaveText(DEMO_WRITE_KEY);

  // The demo's events carry the Website source, so the debugger lists them.
  const events = page.getByRole("list", { name: "Received events" });
  await expect(events.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Latest events received \(50\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Latest rejected events/ })).toBeVisible();

  // Live: it asks the server again within a few seconds.
  await expect(page.getByTestId("debugger-state")).toHaveText("Live");
  const poll = await page.waitForResponse((r) => r.url().includes("/debugger"), { timeout: 10_000 });
  expect(poll.status()).toBe(200);

  const first = events.getByRole("listitem").first();
  await first.locator("summary").click();
  await expect(first.getByText("Message id")).toBeVisible();
  await expect(first.locator("pre")).toContainText("{");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("debugger-state")).toHaveText("Paused");
  await screenshot(page, "source-debugger");
  await page.getByRole("button", { name: "Resume live" }).click();
  await expect(page.getByTestId("debugger-state")).toHaveText("Live");
});

test("the sources API creates, renames, limits, rotates and revokes, validating input", async ({ page }) => {
  await signInAs(page, "admin");
  const invalid = await page.request.post("/api/v1/sources", { data: { name: "  " } });
  expect(invalid.status()).toBe(400);
  expect(Object.keys((await invalid.json()).fields)).toEqual(["name"]);

  const created = await page.request.post("/api/v1/sources", { data: { name: "API source" } });
  expect(created.status()).toBe(201);
  const { source } = await created.json();
  expect(source.writeKey).toMatch(KEY);

  const patched = await page.request.patch(`/api/v1/sources/${source.id}`, {
    data: { name: "API source 2", rateLimitPerSecond: 20 },
  });
  expect((await patched.json()).source).toMatchObject({ name: "API source 2", rateLimitPerSecond: 20 });
  const badLimit = await page.request.patch(`/api/v1/sources/${source.id}`, { data: { rateLimitPerSecond: 0 } });
  expect(badLimit.status()).toBe(400);

  const rotated = await (await page.request.post(`/api/v1/sources/${source.id}/rotate`)).json();
  expect(rotated.source.writeKey).toMatch(KEY);
  expect(rotated.source.writeKey).not.toBe(source.writeKey);

  const revoked = await (await page.request.post(`/api/v1/sources/${source.id}/revoke`)).json();
  expect(revoked.source.revokedAt).toBeTruthy();
  expect((await page.request.post(`/api/v1/sources/${source.id}/rotate`)).status()).toBe(400);

  const debuggerFeed = await page.request.get(`/api/v1/sources/${source.id}/debugger`);
  expect(await debuggerFeed.json()).toMatchObject({ events: [], rejections: [] });
  expect((await page.request.get("/api/v1/sources/not-a-uuid/debugger")).status()).toBe(404);

  const list = await (await page.request.get("/api/v1/sources")).json();
  expect(list.sources.map((s: { name: string }) => s.name)).toContain("API source 2");
});

test("a manager cannot open sources or use the sources API", async ({ page }) => {
  await signInAs(page, "manager");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" })).toHaveCount(0);
  const response = await page.goto("/settings/sources");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Your role cannot open this page")).toBeVisible();
  const post = await page.request.post("/api/v1/sources", { data: { name: "Sneaky" } });
  expect(post.status()).toBe(403);
  expect((await post.json()).error).toContain("manager");
});
