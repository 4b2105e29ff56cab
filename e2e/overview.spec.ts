import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

test("a manager reads the Monday overview: KPIs against the previous period, cohorts and lifecycle", async ({
  page,
}) => {
  await signInAs(page, "manager");
  const kpis = [
    "Customer retention rate",
    "Churn rate",
    "Repeat purchase rate",
    "Average order value",
    "MRR",
    "Gross MRR churn",
    "ARPA",
    "LTV",
    "LTV:CAC",
    "NPS",
    "Time to first value (median)",
    "Onboarding completion",
  ];
  for (const label of kpis) {
    const card = page.getByRole("region", { name: label, exact: true });
    await expect(card).toBeVisible();
    await expect(card).toContainText("previous");
  }
  // The definition is one keyboard press away.
  const nps = page.getByRole("region", { name: "NPS", exact: true });
  await nps.getByText("How is this computed?").focus();
  await page.keyboard.press("Enter");
  await expect(nps.getByText(/promoters \(9–10\) − % detractors \(0–6\)/)).toBeVisible();

  await expect(page.getByRole("table", { name: /Cohort retention/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Lifecycle/ })).toBeVisible();
  await screenshot(page, "overview-kpis");

  // The period lives in the URL; a preset changes it and the header says which period is shown.
  await page.getByRole("navigation", { name: "Preset periods" }).getByRole("link", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const from = new URL(page.url()).searchParams.get("from");
  await expect(page.getByText(new RegExp(`${from} to`))).toBeVisible();
  await expect(page.getByRole("region", { name: "Churn rate", exact: true })).toBeVisible();

  // A bad range is explained, not a crash.
  await page.goto("/?from=2026-05-01&to=2026-04-01");
  await expect(page.getByRole("alert").filter({ hasText: "Showing the last 30 days instead" })).toBeVisible();
});

test("a support agent's overview shows workspace activity without the analytics", async ({ page }) => {
  await signInAs(page, "support");
  await expect(page.getByText("Active customers", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Churn rate", exact: true })).toHaveCount(0);
});
