import fs from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

const number = (text: string) => Number(text.replace(/[^0-9]/g, ""));

async function openSegments(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();
}

/**
 * The live count once it has settled (no "Updating…": the debounce is over and the answer is in) on a value
 * other than `previous`.
 */
async function countAfterChange(page: Page, previous: string): Promise<string> {
  const count = page.getByTestId("preview-count");
  const settled = async () => {
    if ((await page.getByText("Updating…").count()) > 0 || (await count.count()) === 0) return previous;
    return (await count.textContent()) ?? previous;
  };
  await expect.poll(settled, { timeout: 15_000 }).not.toBe(previous);
  return settled();
}

test("a marketer builds “purchased ≥ 2 times in the last 30 days AND NPS ≤ 6”, saves it, opens it and exports its members", async ({
  page,
}) => {
  await signInAs(page, "marketer");
  await openSegments(page);
  await page.getByRole("link", { name: "New segment" }).click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();

  // An empty rule counts everyone in the workspace.
  const everyone = await countAfterChange(page, "");
  expect(number(everyone)).toBeGreaterThan(0);
  await expect(page.getByTestId("rule-summary")).toHaveText("All customers");

  await page.getByLabel("Name", { exact: true }).fill("Unhappy repeat buyers");
  await page.getByLabel("Add condition").selectOption("event");
  const purchase = page.getByRole("region", { name: /^Condition 1:/ });
  // The event is still to be picked: the condition says so, and no count is asked for.
  await expect(purchase).toContainText("Event: Enter an event name");
  await expect(page.getByText("Fix the conditions marked in red to see how many customers match.")).toBeVisible();
  await purchase.getByLabel("Event", { exact: true }).fill("Order Completed");
  const once = await countAfterChange(page, everyone);

  // A count of 0 is refused next to its box, which points at the message.
  const times = purchase.getByLabel("Times");
  await times.fill("0");
  await expect(purchase).toContainText("Count: “At least 0 times” matches everyone; use 1 or more");
  await expect(times).toHaveAttribute("aria-invalid", "true");
  const describedBy = await times.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText("matches everyone");
  await expect(page.getByRole("button", { name: "Save as active" })).toBeDisabled();

  await times.fill("2");
  const twice = await countAfterChange(page, once);
  expect(number(twice)).toBeLessThan(number(once));

  await page.getByLabel("Add condition").selectOption("nps");
  const nps = page.getByRole("region", { name: /^Condition 2:/ });
  await expect(nps.getByLabel("Latest NPS score")).toHaveValue("detractor");
  const both = await countAfterChange(page, twice);
  expect(number(both)).toBeLessThan(number(twice));
  expect(number(both)).toBeGreaterThan(0);
  await expect(page.getByTestId("rule-summary")).toHaveText(
    "Customers who performed Order Completed at least twice in the last 30 days and gave 0–6 (detractor) as their latest NPS score",
  );
  await screenshot(page, "segment-builder");

  await page.getByRole("button", { name: "Save as active" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Unhappy repeat buyers" })).toBeVisible();
  // The saved segment holds exactly the customers the builder counted.
  await expect(page.getByTestId("members-now")).toContainText(both);
  await expect(page.getByTestId("segment-summary")).toContainText("performed Order Completed at least twice");
  const members = page.getByRole("table", { name: "Current members" });
  await expect(members.locator("tbody tr")).toHaveCount(Math.min(number(both), 50));
  await expect(page.getByRole("link", { name: "Open in the Cohorts explorer" })).toHaveAttribute(
    "href",
    /\/cohorts\?segment=[0-9a-f-]{36}/,
  );
  await expect(page.getByRole("link", { name: "Retention after entering this segment" })).toHaveAttribute(
    "href",
    /\/cohorts\?start_segment=[0-9a-f-]{36}/,
  );
  await screenshot(page, "segment-page");

  // Members export: a header and one line per member.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export members (CSV)" }).first().click(),
  ]);
  const csv = fs
    .readFileSync((await download.path()) as string, "utf8")
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe("id,user_id,email,entered_at");
  expect(csv.length - 1).toBe(number(both));

  // A member links to the profile.
  await members.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  // Its timeline holds the entry as an event recorded by Tenure, linked to the segment.
  const entered = page.getByRole("row", { name: /Segment Entered/ }).first();
  await expect(entered).toContainText("system");
  await expect(entered.getByRole("link", { name: "Unhappy repeat buyers" })).toHaveAttribute(
    "href",
    /\/segments\/[0-9a-f-]{36}$/,
  );
  await screenshot(page, "profile-segment-entered");

  // The list shows the segment with its size.
  await openSegments(page);
  const row = page.getByRole("row", { name: /Unhappy repeat buyers/ });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(both);
  await screenshot(page, "segments-list");

  // Duplicate opens the copy in the builder, with the same rule.
  await row.getByRole("link", { name: "Unhappy repeat buyers" }).click();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole("heading", { name: "Edit “Unhappy repeat buyers (copy)”" })).toBeVisible();
  await expect(page.getByTestId("rule-summary")).toContainText("performed Order Completed at least twice");
});

test("a marketer starts from a template, saves a draft and activates it from its page", async ({ page }) => {
  await signInAs(page, "marketer");
  await openSegments(page);
  await page
    .getByRole("region", { name: "Start from a template" })
    .getByRole("link", { name: /^Churn risk — detractors/ })
    .click();
  // The demo already has a segment of that name (names are unique), so the builder starts from a free one.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Churn risk — detractors (2)");
  await page.getByLabel("Name", { exact: true }).fill("Detractors to call back");
  await expect(page.getByTestId("rule-summary")).toHaveText(
    "Customers who gave 0–6 (detractor) as their latest NPS score",
  );
  const count = await countAfterChange(page, "");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByText("This segment is a draft")).toBeVisible();
  await expect(page.getByTestId("members-now")).toHaveCount(0);
  await screenshot(page, "segment-draft");

  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("members-now")).toContainText(count);
  await expect(page.getByText("This segment is a draft")).toHaveCount(0);
});

async function createSegmentAsMarketer(browser: Browser, name: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "marketer");
  const response = await page.request.post("/api/v1/segments", {
    data: {
      name,
      status: "active",
      rule: { type: "group", combinator: "and", conditions: [{ type: "nps", band: "promoter" }] },
    },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await context.close();
  return id;
}

test("a manager views segments without edit controls; support has no access", async ({ page, browser }) => {
  const id = await createSegmentAsMarketer(browser, "Promoters to thank");

  await signInAs(page, "manager");
  await openSegments(page);
  await expect(page.getByRole("link", { name: "New segment" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Start from a template" })).toHaveCount(0);
  await page.getByRole("link", { name: "Promoters to thank" }).click();
  await expect(page.getByRole("heading", { name: "Promoters to thank" })).toBeVisible();
  await expect(page.getByTestId("members-now")).toContainText(/\d/);
  await expect(page.getByRole("table", { name: "Current members" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export members (CSV)" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Duplicate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await screenshot(page, "segment-page-manager");

  // The builder is closed to the manager, and so are writes through the API.
  expect((await page.goto(`/segments/${id}/edit`))?.status()).toBe(403);
  expect((await page.goto("/segments/new"))?.status()).toBe(403);
  expect((await page.request.patch(`/api/v1/segments/${id}`, { data: { name: "Renamed" } })).status()).toBe(403);
  expect((await page.request.get("/api/v1/segments-catalog/events")).status()).toBe(403);

  const support = await browser.newContext();
  const supportPage = await support.newPage();
  await signInAs(supportPage, "support");
  await expect(
    supportPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments", exact: true }),
  ).toHaveCount(0);
  expect((await supportPage.goto("/segments"))?.status()).toBe(403);
  expect((await supportPage.goto(`/segments/${id}`))?.status()).toBe(403);
  await support.close();
});
