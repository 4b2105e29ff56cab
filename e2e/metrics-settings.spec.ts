import { expect, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

const WINDOW = "Onboarding window (days)";

async function openMetricSettings(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics settings" }).click();
  await expect(page.getByRole("heading", { name: "Metrics settings", exact: true })).toBeVisible();
  return page.getByRole("form", { name: "Metrics settings" });
}

test("an admin changes the onboarding window and an activation event, and sees them after a reload", async ({
  page,
}) => {
  await signInAs(page, "admin");
  let form = await openMetricSettings(page);

  // The demo's defaults, and pickers fed from the events the demo workspace received.
  await expect(form.getByLabel(WINDOW)).toHaveValue("14");
  await expect(form.getByLabel("Activation event 1", { exact: true })).toHaveValue("First Box Customized");
  await expect(page.locator("datalist#metric-settings-seen-events option[value='Recipe Viewed']")).toHaveCount(1);
  await expect(form.getByLabel("Revenue property", { exact: true })).toHaveValue("revenue");
  await expect(page.locator("datalist#metric-settings-purchase-properties option[value='order_id']")).toHaveCount(1);

  await form.getByLabel(WINDOW).fill("21");
  await form.getByLabel("Activation event 1", { exact: true }).fill("Box Customized");
  // A name never received is allowed, with a warning next to it.
  await form.getByRole("button", { name: "Add activation event" }).click();
  await form.getByLabel("Activation event 2", { exact: true }).fill("Gift Card Redeemed");
  await expect(form.getByText("Not received in this workspace yet")).toBeVisible();
  // Onboarding steps reorder from the keyboard.
  await form.getByRole("button", { name: "Move Preferences Set up" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByLabel("Step 1", { exact: true })).toHaveValue("Preferences Set");
  await expect(form.getByLabel("Step 2", { exact: true })).toHaveValue("Profile Completed");

  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Saved. Metrics use the new settings from now on.")).toBeVisible();
  await screenshot(page, "metrics-settings");

  await page.reload();
  form = page.getByRole("form", { name: "Metrics settings" });
  await expect(form.getByLabel(WINDOW)).toHaveValue("21");
  await expect(form.getByLabel("Activation event 1", { exact: true })).toHaveValue("Box Customized");
  await expect(form.getByLabel("Activation event 2", { exact: true })).toHaveValue("Gift Card Redeemed");
  await expect(form.getByLabel("Step 1", { exact: true })).toHaveValue("Preferences Set");

  // Put the demo's defaults back, so specs that read onboarding metrics see the documented numbers.
  await form.getByLabel(WINDOW).fill("14");
  await form.getByLabel("Activation event 1", { exact: true }).fill("First Box Customized");
  await form.getByRole("button", { name: "Remove Gift Card Redeemed" }).click();
  await form.getByRole("button", { name: "Move Preferences Set down" }).click();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Saved. Metrics use the new settings from now on.")).toBeVisible();
});

test("an invalid value is explained next to its field and nothing is saved", async ({ page }) => {
  await signInAs(page, "admin");
  const form = await openMetricSettings(page);

  await form.getByLabel(WINDOW).fill("400");
  await form.getByRole("button", { name: "Add a month" }).click();
  await form.getByLabel("Month, row 1").fill("2025-13");
  await form.getByLabel("Spend, row 1").fill("lots");
  await form.getByRole("button", { name: "Save settings" }).click();

  await expect(form.getByText("Check the highlighted fields.")).toBeVisible();
  await expect(form.getByText("Use at most 365 days")).toBeVisible();
  await expect(form.getByLabel(WINDOW)).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel(WINDOW)).toBeFocused();
  await expect(form.getByText("Use YYYY-MM")).toBeVisible();
  await expect(form.getByText("Enter a number")).toBeVisible();
  // What was typed stays, to be corrected.
  await expect(form.getByLabel(WINDOW)).toHaveValue("400");
  await screenshot(page, "metrics-settings-invalid");

  await page.reload();
  await expect(page.getByRole("form", { name: "Metrics settings" }).getByLabel(WINDOW)).toHaveValue("14");
});

test("a manager gets 403 for Settings → Metrics and no menu entry", async ({ page }) => {
  await signInAs(page, "manager");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics settings" }),
  ).toHaveCount(0);
  const response = await page.goto("/settings/metrics");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
});
