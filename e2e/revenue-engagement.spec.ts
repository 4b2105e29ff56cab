import { expect, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

async function openFromNav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible({ timeout: 30_000 });
}

test("a manager reads MRR, its movements and LTV on Revenue, and changes the range", async ({ page }) => {
  await signInAs(page, "manager");
  await openFromNav(page, "Revenue");

  // The demo has subscriptions: numbers in every card, the movements table under the chart.
  const mrr = page.getByRole("region", { name: "MRR", exact: true });
  await expect(mrr.getByTestId("kpi-value")).toHaveText(/^\$[\d,]+$/);
  await expect(page.getByRole("region", { name: "LTV", exact: true }).getByTestId("kpi-value")).toHaveText(
    /^(\$[\d,]+(\.\d\d)?|—)$/,
  );
  const movements = page.getByRole("table", { name: "MRR movements per period" });
  await expect(movements.locator("tbody tr")).toHaveCount(12);
  await expect(page.getByRole("img", { name: /MRR movements per period/ })).toBeVisible();
  await screenshot(page, "revenue");

  // Weekly over the first quarter of 2026: the URL holds the view, one row per ISO week (Jan 1 is a Thursday).
  await page.getByLabel("From", { exact: true }).fill("2026-01-01");
  await page.getByLabel("To", { exact: true }).fill("2026-03-31");
  await page.getByLabel("Per", { exact: true }).selectOption("week");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2026-01-01/);
  await expect(page).toHaveURL(/granularity=week/);
  await expect(movements.locator("tbody tr")).toHaveCount(14);
  await expect(movements.getByRole("rowheader").first()).toHaveText("2026-01-01");
  await screenshot(page, "revenue-weekly");
});

test("a manager reads time to first value, the onboarding funnel and feature activation on Engagement", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await openFromNav(page, "Engagement");

  const cohorts = page.getByRole("table", { name: "Time to first value per signup cohort" });
  await expect(cohorts.locator("tbody tr")).toHaveCount(12);
  await expect(page.getByRole("region", { name: "Time to first value (median)" }).getByTestId("kpi-value")).toHaveText(
    /(min|h|days)$/,
  );
  await expect(page.getByRole("img", { name: /Onboarding funnel/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Onboarding funnel/ })).toContainText("Profile Completed");
  await expect(page.getByRole("img", { name: /Feature activation/ })).toContainText("Recipe Viewed");
  await screenshot(page, "engagement");

  // Monthly cohorts over six months.
  await page.getByLabel("Signups from").fill("2026-05-01");
  await page.getByLabel("Signups to").fill("2026-10-31");
  await page.getByLabel("Cohort per").selectOption("month");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/granularity=month/);
  await expect(cohorts.locator("tbody tr")).toHaveCount(6);
  await expect(cohorts.getByRole("rowheader").first()).toContainText("May 2026");
  await screenshot(page, "engagement-monthly");
});

test("an admin sees LTV:CAC against the 3× guide once acquisition cost is entered", async ({ page }) => {
  await signInAs(page, "admin");
  const settings = page.getByRole("form", { name: "Metrics settings" });
  await page.goto("/settings/metrics");
  await settings.getByRole("button", { name: "Add a month" }).click();
  await settings.getByLabel("Month, row 1").fill("2026-06");
  await settings.getByLabel("Spend, row 1").fill("20000");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Saved. Metrics use the new settings from now on.")).toBeVisible();
  try {
    await page.goto("/revenue?from=2026-01-01&to=2026-10-31&granularity=month");
    const chart = page.getByRole("img", { name: /LTV:CAC per period against the 3× guide line/ });
    await expect(chart).toBeVisible();
    await expect(chart).toContainText("3× guide");
    await expect(
      page.getByRole("table", { name: "ARPA, LTV and LTV:CAC per period" }).getByRole("row", { name: /Jun 2026/ }),
    ).toContainText(/\d+\.\d×/);
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, "revenue-ltv-cac");
  } finally {
    // Put the demo's settings back (no acquisition cost), so other specs see the documented numbers.
    await page.goto("/settings/metrics");
    await settings.getByRole("button", { name: "Remove row 1" }).click();
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByText("Saved. Metrics use the new settings from now on.")).toBeVisible();
  }
});

test("support gets 403 for Revenue and Engagement and no menu entries", async ({ page }) => {
  await signInAs(page, "support");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Revenue" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Engagement" })).toHaveCount(0);
  expect((await page.goto("/revenue"))?.status()).toBe(403);
  expect((await page.goto("/engagement"))?.status()).toBe(403);
});
