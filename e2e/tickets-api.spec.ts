import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

test("a help desk sends tickets with a write key and no session; the customer's timeline shows them", async ({
  page,
  request,
}) => {
  await signInAs(page, "admin");
  const created = await page.request.post("/api/v1/sources", { data: { name: "Help desk" } });
  expect(created.status()).toBe(201);
  const { source } = await created.json();
  const auth = { authorization: basic(source.writeKey) };

  // `request` carries no session cookie: the write key alone gets the ticket in (proxy.ts lets it through).
  const userId = `ticket-e2e-${Date.now()}`;
  const single = await request.post("/api/v1/tickets", {
    headers: auth,
    data: {
      externalId: "E2E-1",
      userId,
      email: "ticket.e2e@example.com",
      channel: "email",
      subject: "My box arrived damaged",
      category: "Delivery",
      tags: ["damaged", "vip"],
      priority: "high",
      assignee: "Sam",
      createdAt: "2026-03-01T09:00:00Z",
      firstAgentReplyAt: "2026-03-01T10:30:00Z",
      satisfactionRating: 5,
      satisfactionComment: "Replaced the same day",
      history: [
        { status: "new", at: "2026-03-01T09:00:00Z" },
        { status: "open", at: "2026-03-01T10:30:00Z" },
        { status: "solved", at: "2026-03-01T15:00:00Z" },
        { status: "open", at: "2026-03-02T08:00:00Z" },
        { status: "solved", at: "2026-03-02T12:00:00Z" },
      ],
    },
  });
  expect(single.status()).toBe(200);
  const { ticket } = await single.json();
  expect(ticket).toMatchObject({ externalId: "E2E-1", result: "created" });

  // A gzipped batch with one bad ticket: the good one is stored, the bad one reported by index.
  const batch = await request.post("/api/v1/tickets/batch", {
    headers: { ...auth, "content-type": "application/json", "content-encoding": "gzip" },
    data: gzipSync(
      JSON.stringify({
        batch: [
          { externalId: "E2E-2", userId, channel: "chat", status: "open", createdAt: "2026-03-03T09:00:00Z" },
          { externalId: "E2E-3", userId, channel: "fax", status: "open", createdAt: "2026-03-03T09:00:00Z" },
        ],
      }),
    ),
  });
  expect(batch.status()).toBe(200);
  expect(await batch.json()).toMatchObject({
    success: true,
    created: 1,
    rejected: [{ index: 1, externalId: "E2E-3", reason: "invalid_field" }],
  });

  // Bad input over HTTP gets the documented statuses.
  expect((await request.post("/api/v1/tickets", { headers: auth, data: "{oops" })).status()).toBe(400);
  expect(
    (await request.post("/api/v1/tickets", { headers: { authorization: basic("tnr_wk_unknown") }, data: {} })).status(),
  ).toBe(401);
  const preflight = await request.fetch("/api/v1/tickets/batch", { method: "OPTIONS" });
  expect(preflight.status()).toBe(204);

  // The customer's profile, read by a support agent: their tickets' moments in the timeline.
  await page.context().clearCookies();
  await signInAs(page, "support");
  await page.goto(`/customers/${ticket.customerId}`);
  const timeline = page.locator("#timeline");
  const ticketEntries = timeline.getByTestId("timeline-ticket");
  await expect(ticketEntries).toHaveText([
    /Ticket opened.*E2E-2/,
    /Ticket solved.*E2E-1/,
    /Ticket reopened.*E2E-1/,
    /Ticket solved.*E2E-1/,
    /Ticket opened.*E2E-1/,
  ]);
  // Following a timeline entry opens the ticket with its history.
  await ticketEntries.nth(2).getByRole("link", { name: "My box arrived damaged" }).click();
  await expect(page).toHaveURL(/#ticket-\d+$/);
  const opened = page.locator("tr:target");
  await expect(opened.getByText("Status history")).toBeVisible();
  await expect(opened.getByText("Replaced the same day")).toBeVisible();
  await expect(opened.locator("ol li")).toHaveCount(5);
  await screenshot(page, "customer-ticket-timeline");
});
