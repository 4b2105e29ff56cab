import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

test("a manager explores cohorts: changes period and breakdown, opens a cell's customers, exports CSV", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohorts" }).click();
  await expect(page.getByRole("heading", { name: "Cohorts", exact: true })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Weighted mean" })).toBeVisible();

  // Monthly cohorts over the demo's last six months, split by plan, as counts.
  await page.getByLabel("Period", { exact: true }).selectOption("month");
  await page.getByLabel("Break down by trait").selectOption("plan");
  await page.getByLabel("Show", { exact: true }).selectOption("counts");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/period=month/);
  await expect(page).toHaveURL(/breakdown=plan/);
  const table = page.getByRole("table", { name: /Cohort retention/ });
  await expect(table.getByRole("columnheader", { name: "Group" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "pro", exact: true }).first()).toBeVisible();
  await screenshot(page, "cohorts-monthly-by-plan");

  // The first row's "month 1" cell: its count is exactly the number of customers listed behind it.
  const firstRow = table.locator("tbody tr").first();
  const cell = firstRow.locator("td a").nth(1);
  const count = Number((await cell.innerText()).replace(/[^0-9]/g, ""));
  await cell.click();
  await expect(page).toHaveURL(/cell=/);
  const list = page.getByRole("heading", { name: /^Counted in/ });
  await expect(list).toContainText(`${count.toLocaleString("en-US")} customer`);

  // The toggle shows who did not come back; together they make the cohort.
  const size = Number((await firstRow.locator("td").nth(1).innerText()).replace(/[^0-9]/g, ""));
  await page.getByRole("link", { name: "Show the customers of this cohort who did not return" }).click();
  await expect(page.getByRole("heading", { name: /^Did not return to/ })).toContainText(
    `${(size - count).toLocaleString("en-US")} customer`,
  );
  await screenshot(page, "cohorts-drilldown");

  // A listed customer opens their profile.
  const drilldown = page.locator("#drilldown");
  const firstCustomer = drilldown.locator("tbody a").first();
  await firstCustomer.click();
  await expect(page).toHaveURL(/\/customers\/\d+/);
  await page.goBack();

  // CSV export: the same rows as the table, counts per month.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = fs.readFileSync(file, "utf8").trim().split("\n");
  expect(lines[0]).toMatch(/^cohort_start,breakdown,size,month_0,month_1/);
  expect(lines.length - 2).toBe(await table.locator("tbody tr").count());
  expect(lines.at(-1)).toMatch(/^weighted_mean,/);
});

test("a manager opens the lifecycle and lists the customers behind a bar", async ({ page }) => {
  await signInAs(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lifecycle" }).click();
  await expect(page.getByRole("heading", { name: "Lifecycle", exact: true })).toBeVisible();
  await screenshot(page, "lifecycle");

  // The resurrecting count of the first (complete) week links to exactly that many customers.
  const link = page.locator("tbody tr").first().locator("td a").nth(2);
  const count = Number((await link.innerText()).replace(/[^0-9]/g, ""));
  await link.click();
  await expect(page).toHaveURL(/bar=\d{4}-\d{2}-\d{2}(~|%7E)resurrecting/);
  await expect(page.getByRole("heading", { name: /^Resurrecting in the week of/ })).toContainText(
    `${count.toLocaleString("en-US")} customer`,
  );
});

test("cohort and lifecycle data stay with analytics roles", async ({ page }) => {
  const anonymous = await page.request.get("/api/v1/metrics/retention");
  expect(anonymous.status()).toBe(401);

  await signInAs(page, "manager");
  const bad = await page.request.get("/api/v1/metrics/retention?period=year");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields).toHaveProperty("period");
  const lifecycle = await page.request.get("/api/v1/metrics/lifecycle?period=month");
  expect(lifecycle.status()).toBe(200);
  expect((await lifecycle.json()).periods.length).toBeGreaterThan(0);

  await page.context().clearCookies();
  await signInAs(page, "support");
  const response = await page.goto("/cohorts");
  expect(response?.status()).toBe(403);
  expect((await page.request.get("/api/v1/metrics/lifecycle")).status()).toBe(403);
});

test("a manager narrows cohorts and the lifecycle to a segment's members", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/cohorts?period=month");
  const table = page.getByRole("table", { name: /Cohort retention/ });
  const sizes = async () => {
    const cells = await table.locator("tbody tr td:first-of-type").allInnerTexts();
    return cells.reduce((sum, t) => sum + Number(t.replace(/[^0-9]/g, "")), 0);
  };
  // The table streams in after the page shell: read it once its first row is there.
  await expect(table.locator("tbody tr td").first()).toBeVisible();
  const everyone = await sizes();
  expect(everyone).toBeGreaterThan(0);

  // The demo's ready-made "Promoters" segment: its members are a minority of the base.
  await page.getByLabel("Customers in").selectOption({ label: "Promoters" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/segment=[0-9a-f-]{36}/);
  // The previous table stays until the filtered one arrives.
  await expect.poll(sizes).toBeLessThan(everyone);
  const promoters = await sizes();
  expect(promoters).toBeGreaterThan(0);
  await screenshot(page, "cohorts-segment-filter");

  // The same filter carries into the Lifecycle page through its URL, and a bad id is explained, not a crash.
  const segment = new URL(page.url()).searchParams.get("segment");
  await page.goto(`/lifecycle?segment=${segment}`);
  await expect(page.getByLabel("Customers in")).toHaveValue(segment ?? "");
  await page.goto("/lifecycle?segment=00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("That segment does not exist in this workspace.")).toBeVisible();
});

test("a manager starts cohorts on entering a segment", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/cohorts?period=month");
  const table = page.getByRole("table", { name: /Cohort retention/ });
  await expect(table.locator("tbody tr td").first()).toBeVisible();
  // The ready-made "Promoters" segment filled when the demo was seeded: its entries make this month's cohort.
  await page.getByLabel("Or start on entering").selectOption({ label: "Promoters" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/start_segment=[0-9a-f-]{36}/);
  await expect(page.getByLabel("Or start on entering")).toHaveValue(/[0-9a-f-]{36}/);
  const sizes = async () => {
    const cells = await table.locator("tbody tr td:first-of-type").allInnerTexts();
    return cells.map((t) => Number(t.replace(/[^0-9]/g, "")));
  };
  await expect.poll(async () => (await sizes()).at(-1)).toBeGreaterThan(0);
  // Every entry happened since seeding: the earlier months' cohorts are empty.
  expect((await sizes()).slice(0, -1).every((n) => n === 0)).toBe(true);
  await screenshot(page, "cohorts-start-segment");
});
