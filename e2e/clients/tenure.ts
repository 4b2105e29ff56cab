import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import { DEMO_WRITE_KEY } from "@/lib/seed/demo-users";
import { signInAs } from "../helpers";

/** The e2e server, as the tracking libraries see it: their `host` / `dataPlaneUrl` / `cdnURL`. */
export const TENURE_ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** A run-unique suffix, so that ids never collide with the demo data or an earlier run on a kept database. */
export function runId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** One event as the source's live debugger (GET /api/v1/sources/:id/debugger) reports it. */
export type StoredEvent = {
  messageId: string;
  type: string;
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
  properties: Record<string, unknown>;
};

/** The workspace totals on the overview. */
export type Overview = { customers: number; orders: number; revenue: number };

/** A customer profile page (/customers/:id), as text. */
export type Profile = {
  title: string;
  /** Every dt → dd pair of the page: "Email", "Customer id", "Events", "Orders", "Lifetime revenue", … */
  facts: Record<string, string>;
  identities: { kind: string; value: string }[];
};

/** The number in a formatted figure: "5,123" → 5123, "$129" → 129. */
export const digits = (text: string | undefined) => Number((text ?? "").replace(/[^\d]/g, ""));

/**
 * What Tenure itself shows about the events the clients sent, read as the demo admin through the app: the demo
 * source's debugger feed (every stored event with its messageId), the customer's profile page (facts kept by
 * ingest, identities) and the overview's workspace totals.
 */
export class TenureReader {
  private constructor(
    readonly page: Page,
    private readonly sourceId: string,
  ) {}

  static async signIn(browser: Browser): Promise<TenureReader> {
    const context = await browser.newContext({ baseURL: TENURE_ORIGIN });
    const page = await context.newPage();
    await signInAs(page, "admin");
    const response = await page.request.get("/api/v1/sources");
    expect(response.status()).toBe(200);
    const { sources } = (await response.json()) as { sources: { id: string; writeKey: string }[] };
    const demo = sources.find((s) => s.writeKey === DEMO_WRITE_KEY);
    if (!demo) throw new Error(`no source with the demo write key among ${sources.length} sources`);
    return new TenureReader(page, demo.id);
  }

  get request(): APIRequestContext {
    return this.page.request;
  }

  /** The demo source's stored events whose userId or anonymousId is one of `ids`, oldest first. */
  async eventsOf(...ids: string[]): Promise<StoredEvent[]> {
    const response = await this.request.get(`/api/v1/sources/${this.sourceId}/debugger`);
    expect(response.status()).toBe(200);
    const { events } = (await response.json()) as { events: StoredEvent[] };
    return events.filter((e) => ids.includes(e.userId ?? "") || ids.includes(e.anonymousId ?? "")).reverse();
  }

  async overview(): Promise<Overview> {
    await this.page.goto("/");
    const main = this.page.getByRole("main");
    const stat = async (label: string) =>
      digits(
        (await main.getByText(label, { exact: true }).locator("xpath=following-sibling::div[1]").textContent()) ?? "",
      );
    const ordersNote = (await main.getByText(/Revenue of [\d,]+ "Order Completed" orders/).textContent()) ?? "";
    return {
      customers: await stat("Customers"),
      revenue: await stat("Revenue"),
      orders: digits(/Revenue of ([\d,]+)/.exec(ordersNote)?.[1] ?? ""),
    };
  }

  /** Finds the one customer whose id is `userId` in the customer list and opens their profile. */
  async profile(userId: string): Promise<Profile> {
    await this.page.goto(`/customers?q=${encodeURIComponent(`id:${userId}`)}`);
    const links = this.page.getByRole("main").locator("table tbody tr td:first-child a");
    await expect(links).toHaveCount(1);
    await links.click();
    await expect(this.page).toHaveURL(/\/customers\/\d+$/);
    const main = this.page.getByRole("main");
    const facts = await main
      .locator("dt")
      .evaluateAll((terms) =>
        Object.fromEntries(
          terms.map((dt) => [dt.textContent?.trim() ?? "", dt.nextElementSibling?.textContent?.trim() ?? ""]),
        ),
      );
    const identities = await main
      .locator("section", { has: this.page.getByRole("heading", { name: "Identities" }) })
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((tr) => {
          const [kind, value] = [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
          return { kind: kind ?? "", value: value ?? "" };
        }),
      );
    return { title: (await main.getByRole("heading", { level: 1 }).textContent()) ?? "", facts, identities };
  }

  async close() {
    await this.page.context().close();
  }
}

/** Counts of each messageId: a retried delivery that was stored twice shows up as a 2. */
export function copiesByMessageId(events: readonly StoredEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.messageId] = (counts[e.messageId] ?? 0) + 1;
  return counts;
}
