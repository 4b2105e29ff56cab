import { defineConfig, devices } from "@playwright/test";

// The e2e server runs on its own port and its own embedded database, seeded with the demo workspace, so it
// never touches a developer's .data/ or a running `npm start`.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = ".data-e2e";
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 860 } } }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm start`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATA_DIR: E2E_DATA_DIR,
      PORT: String(PORT),
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
    },
  },
});
