import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

const CUSTOMERS = "e2e/fixtures/import-customers.csv";
const EVENTS = "e2e/fixtures/import-events.csv";

async function openImport(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();
}

function counts(page: Page) {
  return page.getByTestId("import-counts");
}

function rejectedLines(page: Page) {
  return page.getByRole("table", { name: "Rejected rows" }).locator("tbody tr td:first-child").allTextContents();
}

test("an admin imports customers from CSV, sees the rejected lines, and a re-import adds nothing", async ({ page }) => {
  await signInAs(page, "admin");
  await openImport(page);

  await page.getByLabel("Choose a CSV file").setInputFiles(CUSTOMERS);
  await expect(page.getByTestId("file-facts")).toContainText("6 rows below the header · 5 columns, comma separated");
  // Columns are matched by name; the rest become traits under their names.
  await expect(page.getByLabel("Import “user_id” as")).toHaveValue("user_id");
  await expect(page.getByLabel("Import “email” as")).toHaveValue("email");
  await expect(page.getByLabel("Import “Full Name” as")).toHaveValue("name");
  await expect(page.getByLabel("Import “plan” as")).toHaveValue("trait");
  await expect(page.getByLabel("Trait name for “plan”")).toHaveValue("plan");
  await page.getByLabel("Trait name for “city”").fill("hometown");
  // The preview shows the file as read, quoted comma included, with line numbers.
  const preview = page.getByRole("table", { name: "First 10 rows of the file" });
  await expect(preview.getByRole("row", { name: /Hopper, Grace/ })).toContainText("3");
  await expect(page.getByTestId("check-result")).toHaveText(
    "4 of 6 rows are ready to import. 2 rows have problems and are skipped; the others import without them.",
  );
  await screenshot(page, "import-mapping");

  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(counts(page)).toContainText("Imported4");
  await expect(counts(page)).toContainText("Already imported0");
  await expect(counts(page)).toContainText("Rejected2");
  expect(await rejectedLines(page)).toEqual(["4", "6"]);
  await expect(page.getByRole("table", { name: "Rejected rows" })).toContainText('"not-an-email" is not an email');
  await screenshot(page, "import-summary");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download rejected rows (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("import-customers-rejected-rows.csv");
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(text.split("\r\n")[0]).toBe("import_line,import_problem,user_id,email,Full Name,plan,city");
  expect(text).toContain("4,The user id is empty.,,nobody@example.com");

  // The same file with the same mapping again: everything valid was imported before.
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("Choose a CSV file").setInputFiles(CUSTOMERS);
  await page.getByLabel("Trait name for “city”").fill("hometown");
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(counts(page)).toContainText("Imported0");
  await expect(counts(page)).toContainText("Already imported4");
  expect(await rejectedLines(page)).toEqual(["4", "6"]);
});

test("an admin maps the columns of an events file by hand and imports it twice", async ({ page }) => {
  await signInAs(page, "admin");
  await openImport(page);
  await page.getByLabel("Events").check();
  await page.getByLabel("Choose a CSV file").setInputFiles(EVENTS);

  // "customer_ref" and "occurred" are not names Tenure knows: the mapping says what is missing.
  await expect(page.getByText("Choose the column that holds the user id (or the anonymous id).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await page.getByLabel("Import “customer_ref” as").selectOption("user_id");
  await page.getByLabel("Import “occurred” as").selectOption("timestamp");
  await expect(page.getByLabel("Import “event_name” as")).toHaveValue("event");
  await expect(page.getByTestId("check-result")).toContainText("4 of 7 rows are ready to import");

  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(counts(page)).toContainText("Imported4");
  expect(await rejectedLines(page)).toEqual(["5", "6", "7"]);
  const rejected = page.getByRole("table", { name: "Rejected rows" });
  await expect(rejected.getByRole("row", { name: /^5 / })).toContainText("The user id is empty.");
  await expect(rejected.getByRole("row", { name: /^6 / })).toContainText("day-first or month-first");
  await expect(rejected.getByRole("row", { name: /^7 / })).toContainText("The event name is empty.");

  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("Choose a CSV file").setInputFiles(EVENTS);
  await page.getByLabel("Import “customer_ref” as").selectOption("user_id");
  await page.getByLabel("Import “occurred” as").selectOption("timestamp");
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(counts(page)).toContainText("Imported0");
  await expect(counts(page)).toContainText("Already imported4");
});

const TICKETS = [
  "Id,Requester email,Subject,Status,Via,Created at,First reply at,Solved at,Reopened at,Tags,Satisfaction rating,Category",
  "E2E-CSV-1,csv.ticket@example.com,Charged twice,solved,Email,2026-02-01 10:00,2026-02-01 11:00,2026-02-01 15:00;2026-02-03 09:00,2026-02-02 10:00,billing refund,2,Billing",
  "E2E-CSV-2,csv.ticket@example.com,Where is my box,open,Web form,2026-02-05 08:00,,,,,,Delivery",
  "E2E-CSV-3,,No requester,new,Chat,2026-02-05 09:00,,,,,,",
  "E2E-CSV-4,other.ticket@example.com,Solved without a time,solved,Phone,2026-02-05 09:00,,,,,,",
].join("\n");

test("an admin imports support tickets, sees the rejected lines, and a re-import changes nothing", async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath("import-tickets.csv");
  fs.writeFileSync(file, `${TICKETS}\n`);
  await signInAs(page, "admin");
  await openImport(page);
  await page.getByLabel("Support tickets").check();
  await page.getByLabel("Choose a CSV file").setInputFiles(file);
  // A help-desk export's columns map by their names.
  await expect(page.getByLabel("Import “Id” as")).toHaveValue("ticket_id");
  await expect(page.getByLabel("Import “Requester email” as")).toHaveValue("email");
  await expect(page.getByLabel("Import “Via” as")).toHaveValue("channel");
  await expect(page.getByLabel("Import “Solved at” as")).toHaveValue("solved_at");
  await expect(page.getByTestId("check-result")).toHaveText(
    "2 of 4 rows are ready to import. 2 rows have problems and are skipped; the others import without them.",
  );
  await screenshot(page, "import-tickets-mapping");

  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(counts(page)).toContainText("Imported2");
  expect(await rejectedLines(page)).toEqual(["4", "5"]);
  const rejected = page.getByRole("table", { name: "Rejected rows" });
  await expect(rejected.getByRole("row", { name: /^4 / })).toContainText("user id and email are both empty");
  await expect(rejected.getByRole("row", { name: /^5 / })).toContainText("Solved at is empty");
  await screenshot(page, "import-tickets-summary");

  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("Choose a CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(counts(page)).toContainText("Imported0");
  await expect(counts(page)).toContainText("Already imported2");
});

test("only admins import: no menu entry, no page and no API for a manager", async ({ page }) => {
  await signInAs(page, "manager");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" })).toHaveCount(0);
  const response = await page.goto("/data/import");
  expect(response?.status()).toBe(403);
  const api = await page.request.post("/api/v1/imports/events", {
    data: { header: ["user_id"], mapping: [{ target: "user_id" }], rows: [{ line: 2, cells: ["u1"] }] },
  });
  expect(api.status()).toBe(403);
});

test("the import API validates its input field by field", async ({ page }) => {
  await signInAs(page, "admin");
  const unknownKind = await page.request.post("/api/v1/imports/orders", {
    data: { header: ["a"], mapping: [{ target: "ignore" }], rows: [{ line: 2, cells: ["x"] }] },
  });
  expect(unknownKind.status()).toBe(400);
  const badMapping = await page.request.post("/api/v1/imports/customers", {
    data: {
      header: ["a", "b"],
      mapping: [{ target: "email" }, { target: "ignore" }],
      rows: [{ line: 2, cells: ["x", "y"] }],
    },
  });
  expect(badMapping.status()).toBe(400);
  expect((await badMapping.json()).fields).toEqual({ mapping: "Choose the column that holds the user id." });
  const ok = await page.request.post("/api/v1/imports/customers", {
    data: {
      header: ["id", "plan"],
      mapping: [{ target: "user_id" }, { target: "trait", key: "plan" }],
      rows: [
        { line: 2, cells: ["csv-api-1", "gold"] },
        { line: 3, cells: ["", "gold"] },
      ],
    },
  });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({
    accepted: 1,
    duplicates: 0,
    rejected: [{ line: 3, reason: "missing_user_id", message: "The user id is empty." }],
  });
});

// 3,000 rows (three chunks) by default; IMPORT_E2E_ROWS=100000 measures a large file end to end.
const BULK_ROWS = Number(process.env.IMPORT_E2E_ROWS ?? 3_000);

test(`a ${BULK_ROWS}-row events file imports in chunks with progress`, async ({ page }, testInfo) => {
  test.setTimeout(60_000 + BULK_ROWS * 5);
  const lines = ["user_id,event,timestamp,revenue"];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < BULK_ROWS; i++) {
    const time = new Date(start + i * 60_000).toISOString();
    lines.push(
      i % 10 === 0 ? `csv-bulk-${i % 300},Order Completed,${time},9.5` : `csv-bulk-${i % 300},Viewed,${time},`,
    );
  }
  const file = testInfo.outputPath("bulk-events.csv");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);

  await signInAs(page, "admin");
  await openImport(page);
  await page.getByLabel("Events").check();
  await page.getByLabel("Choose a CSV file").setInputFiles(file);
  const rows = BULK_ROWS.toLocaleString("en-US");
  await expect(page.getByTestId("check-result")).toContainText(`${rows} of ${rows} rows are ready`);
  const started = Date.now();
  await page.getByRole("button", { name: `Import ${rows} rows` }).click();
  if (BULK_ROWS >= 20_000) {
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
    // Wait for a few chunks, so the screenshot shows the bar moving.
    await expect(page.getByText(/Importing… (?:[5-9]|\d{2}),\d{3} of/)).toBeVisible();
    await screenshot(page, "import-progress");
  }
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: BULK_ROWS * 5 });
  console.log(`[bench] CSV import through the page: ${BULK_ROWS} event rows in ${(Date.now() - started) / 1000} s`);
  await expect(counts(page)).toContainText(`Imported${rows}`);
  await expect(counts(page)).toContainText("Rejected0");
});
