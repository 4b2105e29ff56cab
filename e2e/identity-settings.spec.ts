import { expect, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

const BLOCKED = "Extra blocked values";
const LIMIT = "Users per anonymous id";

async function openIdentitySettings(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Identity", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Identity", exact: true })).toBeVisible();
  return page.getByRole("form", { name: "Identity settings" });
}

test("an admin adds blocked values and raises the per-identifier limit from the keyboard; a bad limit is explained", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const form = await openIdentitySettings(page);

  // The defaults that always apply are listed, and the limit starts at 1.
  await expect(page.getByRole("list", { name: "Values that are always blocked" })).toContainText("anonymous");
  await expect(form.getByLabel(LIMIT)).toHaveValue("1");

  // Keyboard only: type into the list, tab to the limit, submit with Enter.
  await form.getByLabel(BLOCKED).focus();
  await page.keyboard.type("test-user\n12345");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("0");
  await page.keyboard.press("Enter");
  await expect(form.getByText("The limit is at least 1.")).toBeVisible();
  await expect(form.getByLabel(LIMIT)).toHaveAttribute("aria-invalid", "true");
  // The refused form keeps what was typed.
  await expect(form.getByLabel(BLOCKED)).toHaveValue("test-user\n12345");

  await form.getByLabel(LIMIT).fill("2");
  await form.getByLabel(LIMIT).press("Enter");
  await expect(form.getByText("Saved. New events use these settings.")).toBeVisible();
  await screenshot(page, "identity-settings");

  await page.reload();
  const reloaded = page.getByRole("form", { name: "Identity settings" });
  await expect(reloaded.getByLabel(BLOCKED)).toHaveValue("test-user\n12345");
  await expect(reloaded.getByLabel(LIMIT)).toHaveValue("2");

  // Back to the demo's defaults, so the tracking specs that run later see the usual identity rules.
  await reloaded.getByLabel(BLOCKED).fill("");
  await reloaded.getByLabel(LIMIT).fill("1");
  await reloaded.getByRole("button", { name: "Save" }).click();
  await expect(reloaded.getByText("Saved. New events use these settings.")).toBeVisible();
});
