import { expect, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

async function openSupport(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Support", exact: true })).toBeVisible({ timeout: 60_000 });
}

test("support reads the Support page, drills into a category's tickets and on to a ticket's customer", async ({
  page,
}) => {
  await signInAs(page, "support");
  await openSupport(page);

  // The demo's tickets fill every card; the demo patterns are on the page.
  await expect(page.getByRole("region", { name: "Tickets created" }).getByTestId("kpi-value")).toHaveText(/^[\d,]+$/);
  await expect(page.getByRole("region", { name: "First resolution (median)" }).getByTestId("kpi-value")).toHaveText(
    /(min|h|days)$/,
  );
  await expect(page.getByRole("img", { name: "Tickets per month by category" })).toBeVisible();
  const repeats = page.getByRole("table", { name: "Repeat issues per category" });
  // "integration setup" repeats the most: it heads the list.
  await expect(repeats.getByRole("rowheader").first()).toHaveText("integration setup");
  const churn = page.getByRole("table", { name: "Churn within 60 days after a ticket" });
  await expect(churn).toContainText("Ticket still open after 60 days");
  await expect(page.getByText(/correlation, not a cause/)).toBeVisible();
  await expect(page.getByRole("table", { name: /within 3 days after a charge/ })).toContainText("billing");
  await screenshot(page, "support");

  // A category opens its tickets.
  await page
    .getByRole("table", { name: "Support numbers per category" })
    .getByRole("link", { name: "integration setup", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Tickets", exact: true })).toBeVisible();
  await expect(page).toHaveURL(/category=integration\+setup/);
  const tickets = page.getByRole("table", { name: "Tickets" });
  await expect(tickets.locator("tbody tr").first()).toContainText("integration setup");
  await screenshot(page, "support-tickets");

  // A ticket links to its customer's profile.
  await tickets.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  await expect(page.getByRole("heading", { name: /Support tickets \(\d+\)/ })).toBeVisible();
});

test("support switches to business hours and a weekly view; the URL keeps the view", async ({ page }) => {
  await signInAs(page, "support");
  await openSupport(page);
  await page.getByLabel("Created from").fill("2026-07-01");
  await page.getByLabel("Created to").fill("2026-09-30");
  await page.getByLabel("Per", { exact: true }).selectOption("week");
  await page.getByLabel("Times in").selectOption("business");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/hours=business/);
  await expect(page.getByText(/In business hours \(Mon–/)).toBeVisible();
  // July 1 is a Wednesday: 14 ISO weeks, the first clipped.
  await expect(page.getByRole("table", { name: "Support numbers per period" }).locator("tbody tr")).toHaveCount(14);
  await screenshot(page, "support-business-weekly");

  // A wrong parameter is explained, and the default view shown.
  await page.goto("/support?from=2026-09-30&to=2026-07-01");
  await expect(page.getByText("Invalid parameter to: Must be on or after from")).toBeVisible();
});

test("the read API answers support readers and names bad parameters", async ({ page }) => {
  await signInAs(page, "support");
  const ok = await page.request.get("/api/v1/metrics/support?from=2026-01-01&to=2026-03-31");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.totals.tickets).toBeGreaterThan(0);
  expect(body.categories).toContain("billing");
  const bad = await page.request.get("/api/v1/metrics/support?from=2026-01-01&to=2026-03-31&hours=weekends");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields).toEqual({ hours: "Use calendar or business" });
});

test("a support user cannot open segments or settings", async ({ page }) => {
  await signInAs(page, "support");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Support", exact: true })).toBeVisible();
  for (const name of ["Segments", "Support hours", "Metrics settings", "Identity", "Team"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
  }
  for (const path of ["/settings/support-hours", "/settings/metrics", "/settings/identity"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
  }
  const preview = await page.request.post("/api/v1/segments/preview", {
    data: { rule: { all: [] } },
  });
  expect(preview.status()).toBe(403);
});

test("a marketer cannot open the Support page", async ({ page }) => {
  await signInAs(page, "marketer");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support", exact: true }),
  ).toHaveCount(0);
  expect((await page.goto("/support"))?.status()).toBe(403);
  expect((await page.request.get("/api/v1/metrics/support?from=2026-01-01&to=2026-01-31")).status()).toBe(403);
});

test("an admin sets support hours from the keyboard; a closing time before the opening is explained", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Support hours", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Support hours", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "Support hours" });
  await expect(form.getByLabel("Monday")).toBeChecked();
  await expect(form.getByLabel("Saturday")).not.toBeChecked();

  await form.getByLabel("Saturday").check();
  await form.getByLabel("Opens at").fill("18:00");
  await form.getByLabel("Closes at").fill("08:00");
  await form.getByLabel("Closes at").press("Enter");
  await expect(form.getByText("Must be after the start time.")).toBeVisible();
  await expect(form.getByLabel("Opens at")).toHaveValue("18:00");

  await form.getByLabel("Opens at").fill("08:00");
  await form.getByLabel("Closes at").fill("18:00");
  await form.getByLabel("Closes at").press("Enter");
  await expect(form.getByText(/^Saved\./)).toBeVisible();
  await screenshot(page, "support-hours");
  await page.reload();
  await expect(page.getByText("Mon–Sat 08:00–18:00")).toBeVisible();

  await page.goto("/support?hours=business");
  await expect(page.getByText(/In business hours \(Mon–Sat 08:00–18:00\)/)).toBeVisible({ timeout: 60_000 });
});
