import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

test("a manager opens Data quality and sees the event volume of the last 14 days", async ({ page }) => {
  await signInAs(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data quality" }).click();
  await expect(page.getByRole("heading", { name: "Data quality" })).toBeVisible();

  const table = page.getByRole("table", { name: "Events per day" });
  await expect(table).toBeVisible();
  // A name column, 14 days (today last) and the 7-day average.
  await expect(table.getByRole("columnheader")).toHaveCount(16);
  await expect(table.getByRole("columnheader", { name: /Today/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: /Order Completed/ })).toBeVisible();

  await expect(page.getByText("Events from identified customers")).toBeVisible();
  await expect(page.getByText(/\d+(\.\d)?%/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Rejected events by reason/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Blocked merges/ })).toBeVisible();
  await expect(page.getByText('When is volume "low today"?')).toBeVisible();
  await screenshot(page, "data-quality");
});

test("support cannot open Data quality", async ({ page }) => {
  await signInAs(page, "support");
  const response = await page.goto("/data-quality");
  expect(response?.status()).toBe(403);
});
