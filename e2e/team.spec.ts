import { expect, test } from "@playwright/test";
import { screenshot, signIn, signInAs } from "./helpers";

test("an admin adds a teammate, changes their role and deactivates them", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();

  const form = page.getByRole("form", { name: "Add teammate" });
  await form.getByLabel("Name").fill("Tess Teammate");
  await form.getByLabel("Email").fill("tess@example.com");
  await form.getByLabel("Role").selectOption("support");
  await form.getByLabel("Temporary password").fill("short");
  await form.getByRole("button", { name: "Add teammate" }).click();
  await expect(form.getByText("Use at least 10 characters")).toBeVisible();
  // What was typed is kept after a validation error.
  await expect(form.getByLabel("Email")).toHaveValue("tess@example.com");
  await expect(form.getByLabel("Role")).toHaveValue("support");

  await form.getByLabel("Temporary password").fill("tess-password-1");
  await form.getByRole("button", { name: "Add teammate" }).click();
  await expect(form.getByText("Tess Teammate can now sign in as support.")).toBeVisible();
  const row = page.getByRole("row", { name: /Tess Teammate/ });
  await expect(row).toContainText("tess@example.com");

  await row.getByLabel("Role of Tess Teammate").selectOption("manager");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByLabel("Role of Tess Teammate")).toHaveValue("manager");

  // The new teammate can sign in, with the new role.
  const tessContext = await browser.newContext();
  const tess = await tessContext.newPage();
  await signIn(tess, "tess@example.com", "tess-password-1");
  await expect(tess.getByText("Manager", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await screenshot(page, "team");

  // Deactivation ends the existing session at the next request and blocks new sign-ins.
  await tess.reload();
  await expect(tess).toHaveURL(/\/login/);
  await signIn(tess, "tess@example.com", "tess-password-1");
  await expect(tess.locator("form").getByRole("alert")).toHaveText(
    "This account has been deactivated. Ask a workspace admin to reactivate it.",
  );
  await tessContext.close();
});

test("the last admin cannot be demoted", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/team");
  const row = page.getByRole("row", { name: /admin@demo\.tenure\.dev/ });
  await row.getByRole("combobox").selectOption("manager");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toContainText("at least one active admin");
});

test("an admin's API calls are validated field by field", async ({ page }) => {
  await signInAs(page, "admin");
  const response = await page.request.post("/api/v1/team", {
    data: { name: "", email: "not-an-email", role: "owner", password: "x" },
  });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(Object.keys(body.fields).sort()).toEqual(["email", "name", "password", "role"]);
});
