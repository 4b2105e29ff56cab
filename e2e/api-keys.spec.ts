import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

const KEY = /^tnr_[A-Za-z0-9_-]{43}$/;
// A read API route that exists and authenticates with requireApiAccess (analytics:read).
const READ_ROUTE = "/api/v1/metrics/retention";

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

test("an admin creates an API key, sees it once, reads the API with it and revokes it", async ({ page, request }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();

  const form = page.getByRole("form", { name: "Create API key" });
  await form.getByLabel("Name").fill("   ");
  await form.getByRole("button", { name: "Create API key" }).click();
  await expect(form.getByText("Enter a name")).toBeVisible();

  await form.getByLabel("Name").fill("E2E BI tool");
  await form.getByRole("button", { name: "Create API key" }).click();
  const panel = page.getByRole("region", { name: "API key “E2E BI tool” created" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/Copy it now: you won.t see it again/)).toBeVisible();
  await expect(panel.getByRole("button", { name: "Copy" })).toBeVisible();
  // Focus moves to the new key, so keyboard users land on it.
  await expect(panel.getByRole("heading")).toBeFocused();
  const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(key).toMatch(KEY);
  await expect(panel.locator("pre")).toContainText(`Authorization: Bearer ${key}`);
  // The form is empty again for the next key.
  await expect(form.getByLabel("Name")).toHaveValue("");

  const row = page.getByRole("row", { name: /E2E BI tool/ });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await screenshot(page, "api-keys");

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(page.getByRole("row", { name: /E2E BI tool/ })).toContainText(`${key.slice(0, 12)}…`);

  // `request` carries no session cookie: the key alone authenticates.
  const read = await request.get(READ_ROUTE, { headers: bearer(key) });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ cohorts: expect.any(Array) });
  // Keys read; they cannot manage keys (403, not 401: the key itself was accepted).
  const manage = await request.get("/api/v1/api-keys", { headers: bearer(key) });
  expect(manage.status()).toBe(403);
  expect((await manage.json()).error).toContain("API keys can only read");
  const malformed = await request.get(READ_ROUTE, { headers: bearer("not-a-key") });
  expect(malformed.status()).toBe(401);
  expect((await malformed.json()).error).toContain("Malformed API key");
  expect((await request.get(READ_ROUTE)).status()).toBe(401);

  await page.reload();
  const usedRow = page.getByRole("row", { name: /E2E BI tool/ });
  await expect(usedRow).not.toContainText("Never");

  // Revoking asks first; Escape cancels and gives focus back to the button.
  await usedRow.getByRole("button", { name: "Revoke E2E BI tool" }).click();
  await expect(usedRow.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(usedRow.getByRole("button", { name: "Revoke E2E BI tool" })).toBeFocused();
  await page.keyboard.press("Enter");
  await usedRow.getByRole("button", { name: "Revoke for good" }).click();
  await expect(usedRow.getByRole("status")).toContainText("revoked: requests with it now get 401");
  await expect(usedRow).toContainText("Revoked");
  await expect(usedRow.getByRole("button", { name: "Revoke E2E BI tool" })).toHaveCount(0);

  const afterRevoke = await request.get(READ_ROUTE, { headers: bearer(key) });
  expect(afterRevoke.status()).toBe(401);
  const body = await afterRevoke.json();
  expect(body.error).toContain("unknown or was revoked");
  expect(JSON.stringify(body)).not.toContain(key);
});

test("the API keys API creates, lists without secrets and revokes, validating input", async ({ page }) => {
  await signInAs(page, "admin");
  const invalid = await page.request.post("/api/v1/api-keys", { data: { name: "" } });
  expect(invalid.status()).toBe(400);
  expect(Object.keys((await invalid.json()).fields)).toEqual(["name"]);

  const created = await page.request.post("/api/v1/api-keys", { data: { name: "API-made key" } });
  expect(created.status()).toBe(201);
  const { apiKey, secret } = await created.json();
  expect(secret).toMatch(KEY);
  expect(apiKey).toMatchObject({ name: "API-made key", prefix: secret.slice(0, 12), revokedAt: null });

  const listed = await page.request.get("/api/v1/api-keys");
  const listText = await listed.text();
  expect(listText).toContain("API-made key");
  expect(listText).not.toContain(secret);
  expect(listText).not.toContain("secretHash");

  const revoked = await page.request.delete(`/api/v1/api-keys/${apiKey.id}`);
  expect(revoked.status()).toBe(200);
  const { apiKey: revokedKey } = await revoked.json();
  expect(revokedKey.revokedAt).toBeTruthy();
  // Idempotent: the same answer again.
  const again = await page.request.delete(`/api/v1/api-keys/${apiKey.id}`);
  expect((await again.json()).apiKey.revokedAt).toBe(revokedKey.revokedAt);
  expect((await page.request.delete("/api/v1/api-keys/not-a-uuid")).status()).toBe(404);
  expect((await page.request.delete("/api/v1/api-keys/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
});

test("a manager cannot open API keys or use the API keys API", async ({ page }) => {
  await signInAs(page, "manager");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
  const response = await page.goto("/settings/api-keys");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Your role cannot open this page")).toBeVisible();
  const post = await page.request.post("/api/v1/api-keys", { data: { name: "Sneaky" } });
  expect(post.status()).toBe(403);
  expect((await post.json()).error).toContain("manager");
});
