import { expect, type Locator, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

/** The customer names in the list, top to bottom. */
async function listedNames(page: Page): Promise<string[]> {
  return page.locator("table tbody tr td:first-child a").allInnerTexts();
}

/** The lifetime revenue column as numbers (formatted like "$1,234"). */
async function listedRevenue(page: Page): Promise<number[]> {
  const cells = await page.locator("table tbody tr td:last-child").allInnerTexts();
  return cells.map((text) => Number(text.replace(/[^0-9.-]/g, "")));
}

function ticketsCard(page: Page): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: /^Support tickets/ }) });
}

test("a support agent finds a customer, sorts and pages the list, and reads a profile", async ({ page }) => {
  await signInAs(page, "support");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^[\d,]+ customers$/ })).toBeVisible();

  // Search by the start of a customer id: user_00040 … user_00049.
  await page.getByLabel("Search", { exact: true }).fill("user_0004");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=user_0004/);
  await expect(page.getByRole("heading", { name: "10 customers match" })).toBeVisible();
  await expect(page.locator("table tbody tr")).toHaveCount(10);
  await expect(page.locator("table tbody")).toContainText("user_00042");

  // A search that matches nobody says so, and how to get out of it.
  await page.getByLabel("Search", { exact: true }).fill("nobody-is-called-this");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { name: "No customers match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear the search and filters" }).click();
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("");

  // Sort by lifetime revenue, highest first, from the column header.
  await page.getByRole("link", { name: /^Lifetime revenue/ }).click();
  await expect(page).toHaveURL(/sort=revenue/);
  const revenue = await listedRevenue(page);
  expect(revenue).toHaveLength(50);
  expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
  const firstPage = await listedNames(page);
  await screenshot(page, "customers-list");

  // Forward and back: the next page is new people, Previous brings back the same first page.
  const pager = page.getByRole("navigation", { name: "Customer pages" });
  await pager.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  const secondPage = await listedNames(page);
  expect(secondPage).toHaveLength(50);
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
  const secondRevenue = await listedRevenue(page);
  expect(secondRevenue[0]).toBeLessThanOrEqual(revenue[revenue.length - 1]!);
  await pager.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await listedNames(page)).toEqual(firstPage);
  await expect(pager.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");

  // Open profiles of top customers until one has written to support (about a fifth of the demo has; long-time,
  // high-revenue subscribers most often).
  const hrefs = await page
    .locator("table tbody tr td:first-child a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  let found = false;
  for (const href of hrefs.slice(0, 30)) {
    await page.goto(href);
    if ((await ticketsCard(page).locator("tbody tr").count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found, "one of the top 30 customers by revenue has a support ticket").toBe(true);

  await expect(page.getByRole("link", { name: "← Customers" })).toBeVisible();
  await expect(page.getByText("Lifetime revenue", { exact: true })).toBeVisible();
  const identities = page.locator("section").filter({ has: page.getByRole("heading", { name: "Identities" }) });
  await expect(identities.getByRole("cell", { name: "User id" })).toBeVisible();
  await expect(identities.getByRole("cell", { name: "Email" })).toBeVisible();
  await expect(ticketsCard(page).getByRole("columnheader", { name: "First reply" })).toBeVisible();

  // The timeline pages through older events and back.
  const timeline = page.locator("#timeline");
  const rows = timeline.locator("tbody > tr");
  await expect(rows).toHaveCount(25);
  const newest = (await rows.first().textContent()) ?? "";
  await timeline.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/older=/);
  await expect(rows.first()).not.toHaveText(newest);
  await timeline.getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/newer=/);
  await expect(rows.first()).toHaveText(newest);

  // The customer wrote to support: the timeline counts their tickets and interleaves them with the events; an
  // entry on this page (when one of their tickets is this recent) opens its ticket in the tickets card.
  await expect(timeline.getByRole("heading", { name: /events and \d+ tickets?, newest first\)$/ })).toBeVisible();
  const ticketEntry = timeline.getByTestId("timeline-ticket").first();
  if ((await ticketEntry.count()) > 0) {
    await ticketEntry.getByRole("link").click();
    await expect(page.locator("tr:target").getByText("Status history")).toBeVisible();
  }

  // Properties are compact and open on demand.
  const firstProperties = rows.first().locator("details");
  if ((await firstProperties.count()) > 0) {
    await firstProperties.locator("summary").click();
    await expect(firstProperties.locator("pre")).toBeVisible();
  }
  await screenshot(page, "customer-profile");
});

test("a manager can read customers too", async ({ page }) => {
  await signInAs(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await expect(page.locator("table tbody tr")).toHaveCount(50);
  await page.locator("table tbody tr td:first-child a").first().click();
  await expect(page).toHaveURL(/\/customers\/\d+/);
  await expect(page.getByRole("heading", { name: "Identities" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Timeline/ })).toBeVisible();
});

test("bad links get a clear message, not an error page", async ({ page }) => {
  await signInAs(page, "support");
  // (Next's route announcer is an empty alert too; look for ours by its text.)
  const problem = page.getByRole("alert").filter({ hasText: "This view cannot be shown" });
  await page.goto("/customers?seen=abc&sort=name");
  await expect(problem).toContainText("Seen within: enter a number of days.");
  await expect(problem).toContainText("Sort: choose one of");
  await page.goto("/customers?trait=country");
  await expect(problem).toContainText("Trait: enter both the trait name and the value it must equal.");
  // What was in the URL stays in the form, to be corrected.
  await expect(page.getByLabel("Trait", { exact: true })).toHaveValue("country");
  await page.goto("/customers?after=garbage");
  await expect(problem).toContainText("This page link is out of date");
  await screenshot(page, "customers-bad-link");

  const missing = await page.goto("/customers/999999999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such customer" })).toBeVisible();
  expect((await page.goto("/customers/not-a-number"))?.status()).toBe(404);
});
