import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_WRITE_KEY } from "../lib/seed/demo-users";
import { E2E_DATA_DIR } from "../playwright.config";
import { createPostgresDatabase } from "../test/postgres";
import { signIn, signInAs, startServer, stopServer, waitForHealthy } from "./helpers";

test("health reports the embedded database, its migrations and the job queue", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.kind).toBe("pglite");
  expect(body.database.migrations.applied).toBe(body.database.migrations.available);
  expect(body.jobs.state).toBe("running");
});

test("a second server on the same data directory exits with a clear message; the first keeps working", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const second = startServer({ DATA_DIR: E2E_DATA_DIR, PORT: "3199" });
  const code = await second.exited;
  expect(code).toBe(1);
  expect(second.output()).toContain("is already in use by another Tenure process");
  expect((await request.get("/api/health")).status()).toBe(200);
});

test.describe("a fresh install without demo data", () => {
  test.describe.configure({ timeout: 240_000 });

  test("the first visit shows the one-time setup page, which creates the admin", async ({ browser }) => {
    const dir = ".data-e2e-setup";
    fs.rmSync(dir, { recursive: true, force: true });
    const server = startServer({ DATA_DIR: dir, PORT: "3101", SEED: "0" });
    try {
      await waitForHealthy("http://localhost:3101", server);
      expect(server.output()).toContain("open http://localhost:3101/setup");
      const context = await browser.newContext({ baseURL: "http://localhost:3101" });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page).toHaveURL(/\/setup$/);
      await page.getByLabel("Workspace name").fill("Fresh Co");
      await page.getByLabel("Time zone").fill("Mars/Olympus");
      await page.getByLabel("Your name").fill("Fran First");
      await page.getByLabel("Email").fill("fran@fresh.example");
      await page.getByLabel("Password").fill("fresh-password-1");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await expect(page.getByText("Choose a valid IANA time zone")).toBeVisible();
      await page.getByLabel("Time zone").fill("Europe/Berlin");
      await page.getByLabel("Password").fill("fresh-password-1");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await expect(page).toHaveURL(/\/login/);
      await signIn(page, "fran@fresh.example", "fresh-password-1");
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      await expect(page.getByText("Time zone: Europe/Berlin")).toBeVisible();
      await expect(page.getByText("No events yet.")).toBeVisible();
      // Once set up, the setup page is gone.
      await page.goto("/setup");
      await expect(page).toHaveURL(/\/login|\/$/);
      await context.close();
    } finally {
      await stopServer(server);
    }
  });

  test("ADMIN_EMAIL and ADMIN_PASSWORD create the first admin at start", async ({ browser }) => {
    fs.rmSync(".data-e2e-admin", { recursive: true, force: true });
    const server = startServer({
      DATA_DIR: ".data-e2e-admin",
      PORT: "3102",
      SEED: "0",
      ADMIN_EMAIL: "ops@example.com",
      ADMIN_PASSWORD: "ops-password-1",
    });
    try {
      await waitForHealthy("http://localhost:3102", server);
      const context = await browser.newContext({ baseURL: "http://localhost:3102" });
      const page = await context.newPage();
      await signIn(page, "ops@example.com", "ops-password-1");
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      await context.close();
    } finally {
      await stopServer(server);
    }
  });
});

// Runs wherever a PostgreSQL server is available to tests (always in CI).
const postgresServer = process.env.TEST_DATABASE_URL;
if (postgresServer) {
  test("with DATABASE_URL the same start migrates PostgreSQL, loads the demo and serves the app", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const database = await createPostgresDatabase(postgresServer);
    const server = startServer({ DATABASE_URL: database.url, DATA_DIR: ".data-e2e-pg", PORT: "3103" });
    try {
      await waitForHealthy("http://localhost:3103", server, 240_000);
      expect(server.output()).toContain("database PostgreSQL");
      expect(server.output()).toContain("Demo ready");
      const health = await (await fetch("http://localhost:3103/api/health")).json();
      expect(health.database).toMatchObject({ kind: "postgres", reachable: true });
      expect(health.jobs.state).toBe("running");
      expect(health.ingest).toEqual({ drain: "thread" });
      await sendConcurrentBatchesAndWaitForTheDrain("http://localhost:3103", database.url);
      const context = await browser.newContext({ baseURL: "http://localhost:3103" });
      const page = await context.newPage();
      await signInAs(page, "manager");
      await expect(page.getByText("Northwind Coffee Club", { exact: true })).toBeVisible();
      await context.close();
    } finally {
      await stopServer(server);
      await database.drop();
    }
  });
}

/**
 * Batches that arrive while another is being stored go to the inbox, which the server drains on its worker
 * thread (the bundled entry): every event ends up stored once, on the right profile.
 */
async function sendConcurrentBatchesAndWaitForTheDrain(baseUrl: string, databaseUrl: string) {
  const auth = { authorization: `Basic ${Buffer.from(`${DEMO_WRITE_KEY}:`).toString("base64")}` };
  const batch = (b: number) => ({
    batch: Array.from({ length: 500 }, (_, i) => ({
      type: "track",
      userId: `thread-user-${i % 50}`,
      event: "Thread Drained",
      messageId: `thread-${b}-${i}`,
    })),
  });
  const responses = await Promise.all(
    Array.from({ length: 8 }, (_, b) =>
      fetch(`${baseUrl}/v1/batch`, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: JSON.stringify(batch(b)),
      }),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
  await expect
    .poll(async () => (await (await fetch(`${baseUrl}/v1/backlog`, { headers: auth })).json()).pendingEvents, {
      timeout: 60_000,
    })
    .toBe(0);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stored = await client.query(
      `select c.external_id, count(*)::int as events, max(c.event_count) as profile_count
       from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
       where e.name = 'Thread Drained' group by c.external_id`,
    );
    expect(stored.rows).toHaveLength(50);
    for (const row of stored.rows) expect([row.events, Number(row.profile_count)]).toEqual([80, 80]);
  } finally {
    await client.end();
  }
}
