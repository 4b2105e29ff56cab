import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { DEMO_USERS } from "@/lib/seed/demo-users";

export function demoUser(role: Role) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: Role) {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** Saves a full-page screenshot under e2e/screenshots/ for people to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(path.join("e2e", "screenshots"), { recursive: true });
  await page.screenshot({ path: path.join("e2e", "screenshots", `${name}.png`), fullPage: true });
}

export type StartedServer = { process: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs `npm start` (scripts/start.ts) with extra environment, capturing what it prints. */
export function startServer(env: Record<string, string>): StartedServer {
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    env: { ...process.env, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

export async function stopServer(server: StartedServer) {
  if (server.process.exitCode === null && server.process.pid) {
    try {
      process.kill(-server.process.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
}

export async function waitForHealthy(baseURL: string, server: StartedServer, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}
