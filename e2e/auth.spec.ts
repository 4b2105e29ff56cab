import { expect, test } from "@playwright/test";
import { ROLES } from "@/lib/auth/roles";
import { demoUser, screenshot, signIn, signInAs } from "./helpers";

test.describe("signed out", () => {
  test("a page redirects to the login page, keeping where the visitor was going", async ({ page }) => {
    await page.goto("/settings/team");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fteam/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await screenshot(page, "login");
  });

  test("an API returns 401 JSON", async ({ request }) => {
    for (const [method, url] of [
      ["GET", "/api/v1/team"],
      ["POST", "/api/v1/team"],
    ] as const) {
      const response = await request.fetch(url, { method, data: method === "POST" ? {} : undefined });
      expect(response.status(), `${method} ${url}`).toBe(401);
      expect(await response.json()).toEqual({ error: "Sign in to continue." });
    }
  });

  test("a wrong password gets a clear message", async ({ page }) => {
    await signIn(page, demoUser("admin").email, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures are rate limited", async ({ page }) => {
    const email = "someone-guessing@example.com";
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `guess-number-${i}`);
      await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    }
    await signIn(page, email, "guess-number-6");
    await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts");
  });
});

for (const role of ROLES) {
  test(`${role} signs in, sees the overview and only the sections the role may open`, async ({ page }) => {
    await signInAs(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(role === "admin" ? 1 : 0);
    await expect(page.getByText(demoUser(role).email)).toBeVisible();
    await expect(page.getByText("Northwind Coffee Club", { exact: true })).toBeVisible();
    if (role === "manager") await screenshot(page, "overview-manager");
  });
}

for (const role of ["manager", "marketer", "support"] as const) {
  test(`${role} gets 403 for Settings → Team in the UI and through the API`, async ({ page }) => {
    await signInAs(page, role);
    const response = await page.goto("/settings/team");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
    if (role === "manager") await screenshot(page, "forbidden-manager");

    const list = await page.request.get("/api/v1/team");
    expect(list.status()).toBe(403);
    const create = await page.request.post("/api/v1/team", {
      data: { name: "X", email: `x-${role}@example.com`, role: "admin", password: "0123456789" },
    });
    expect(create.status()).toBe(403);
    expect((await create.json()).error).toContain(`Your role (${role}) cannot do this`);
  });
}

test("sign-out ends the session", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
