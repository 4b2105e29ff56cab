import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { auditLog, customerDailyActivity, customers, events, workspaces } from "@/lib/db/schema";
import { Invalid } from "@/lib/errors";
import { rebuildDailyActivity } from "@/lib/ingest/rollup";
import { describeEachDatabase } from "@/test/db";
import { saveMetricSettings } from "./save-settings";
import { DEFAULT_METRIC_SETTINGS, loadMetricContext } from "./settings";
import { draftToInput, settingsToDraft } from "./settings-form";

async function createWorkspace(db: Db, timeZone = "UTC") {
  const [row] = await db
    .insert(workspaces)
    .values({ name: "Metrics", timeZone, settings: { blockedIdentityValues: ["unknown"] } })
    .returning({ id: workspaces.id });
  if (!row) throw new Error("no workspace");
  return row.id;
}

/** What saveMetricSettings throws, as { field path: message }. */
async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Invalid)) throw new Error(`expected Invalid, got ${String(error)}`);
  return error.fields;
}

const draft = () => settingsToDraft(DEFAULT_METRIC_SETTINGS, "UTC");

describeEachDatabase("saving metric settings", ({ database }) => {
  let workspaceId = "";

  beforeAll(async () => {
    workspaceId = await createWorkspace(database().db);
  });

  it("stores the settings, keeps the workspace's other settings, and audits what changed", async () => {
    const db = database().db;
    const input = {
      ...DEFAULT_METRIC_SETTINGS,
      timeZone: "UTC",
      activationEvents: ["Recipe Viewed"],
      onboardingWindowDays: 7,
      cac: [{ month: "2025-01", channel: "paid_search", spend: 1200.5, customersAcquired: null }],
    };
    const saved = await saveMetricSettings(db, workspaceId, null, input);
    expect(saved).toMatchObject({ rollupRebuilt: false, changed: ["activationEvents", "onboardingWindowDays", "cac"] });

    const context = await loadMetricContext(db, workspaceId);
    expect(context.settings).toEqual({ ...DEFAULT_METRIC_SETTINGS, ...input, timeZone: undefined });
    expect(context.settings.onboardingWindowDays).toBe(7);
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row?.settings.blockedIdentityValues).toEqual(["unknown"]);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "metric_settings.updated")));
    expect(audit?.details).toEqual({
      rollupRebuilt: false,
      changes: {
        activationEvents: { from: ["First Box Customized"], to: ["Recipe Viewed"] },
        onboardingWindowDays: { from: 14, to: 7 },
        cac: { from: "0 rows", to: "1 rows" },
      },
    });
  });

  it("takes the form's draft: blanks become null, numeric text becomes numbers", async () => {
    const db = database().db;
    const form = draft();
    form.signupEvent = " ";
    form.purchase.discountProperty = "";
    form.inactivityWindowDays = " 60 ";
    form.cac = [{ month: "2025-02", channel: "", spend: "1,500.25", customersAcquired: "" }];
    const saved = await saveMetricSettings(db, workspaceId, null, draftToInput(form));
    expect(saved.settings).toMatchObject({
      signupEvent: null,
      inactivityWindowDays: 60,
      purchase: { discountProperty: null },
      cac: [{ month: "2025-02", channel: null, spend: 1500.25, customersAcquired: null }],
    });
  });

  it("refuses partial input, naming each missing field", async () => {
    const { subscription: _s, onboardingWindowDays: _o, ...partial } = DEFAULT_METRIC_SETTINGS;
    const fields = await fieldsOf(
      saveMetricSettings(database().db, workspaceId, null, {
        ...partial,
        purchase: { event: "Order Completed" },
        timeZone: "UTC",
      }),
    );
    expect(fields).toEqual({
      subscription: "Required",
      onboardingWindowDays: "Required",
      "purchase.revenueProperty": "Required",
      "purchase.fallbackRevenueProperty": "Required",
      "purchase.discountProperty": "Required",
      "purchase.orderIdProperty": "Required",
    });
  });

  it("refuses invalid values with a readable message at each field, and changes nothing", async () => {
    const db = database().db;
    const form = draft();
    form.timeZone = "Mars/Olympus_Mons";
    form.onboardingWindowDays = "400";
    form.inactivityWindowDays = "ninety";
    form.activationEvents = ["Signed Up", "Signed Up"];
    form.onboardingSteps = ["Profile Completed", ""];
    form.purchase.event = "";
    form.cac = [
      { month: "2025-13", channel: "", spend: "100", customersAcquired: "" },
      { month: "2025-01", channel: "tv", spend: "-5", customersAcquired: "2.5" },
      { month: "2025-01", channel: "tv", spend: "5", customersAcquired: "" },
    ];
    const before = await loadMetricContext(db, workspaceId);
    expect(await fieldsOf(saveMetricSettings(db, workspaceId, null, draftToInput(form)))).toEqual({
      timeZone: "Choose a time zone from the list, such as Europe/Berlin",
      onboardingWindowDays: "Use at most 365 days",
      inactivityWindowDays: "Enter a number",
      "activationEvents.1": "Signed Up is already listed",
      "onboardingSteps.1": "Pick an event",
      "purchase.event": "Pick an event",
      "cac.0.month": "Use YYYY-MM",
      "cac.1.spend": "Use 0 or more",
      "cac.1.customersAcquired": "Enter a whole number",
      "cac.2.month": "2025-01 already has a row for channel tv",
    });
    expect(await loadMetricContext(db, workspaceId)).toEqual(before);
  });

  it("moves a 23:30 UTC event to the next local day in the daily rollup when the time zone changes", async () => {
    const db = database().db;
    const id = await createWorkspace(db, "UTC");
    const [customer] = await db
      .insert(customers)
      .values({ workspaceId: id, externalId: "late" })
      .returning({ id: customers.id });
    if (!customer) throw new Error("no customer");
    await db.insert(events).values({
      workspaceId: id,
      messageId: "late-1",
      customerId: customer.id,
      type: "track",
      name: "Recipe Viewed",
      timestamp: new Date("2025-03-01T23:30:00Z"),
    });
    await rebuildDailyActivity(db, id);
    const days = async () =>
      (
        await db
          .select({ day: customerDailyActivity.day })
          .from(customerDailyActivity)
          .where(eq(customerDailyActivity.workspaceId, id))
      ).map((r) => r.day);
    expect(await days()).toEqual(["2025-03-01"]);

    const saved = await saveMetricSettings(db, id, null, { ...DEFAULT_METRIC_SETTINGS, timeZone: "Asia/Tokyo" });
    expect(saved).toMatchObject({ rollupRebuilt: true, changed: ["timeZone"], timeZone: "Asia/Tokyo" });
    expect(await days()).toEqual(["2025-03-02"]);
    expect((await loadMetricContext(db, id)).timeZone).toBe("Asia/Tokyo");
  });

  it("knows every time zone the form offers in the database too", async () => {
    const db = database().db;
    const id = await createWorkspace(db, "UTC");
    // Kiev is the alias Intl still lists for Europe/Kyiv on some runtimes; whichever it lists must save.
    for (const timeZone of ["Europe/Kyiv", "America/Ciudad_Juarez", "UTC"]) {
      if (!Intl.supportedValuesOf("timeZone").includes(timeZone) && timeZone !== "UTC") continue;
      const saved = await saveMetricSettings(db, id, null, { ...DEFAULT_METRIC_SETTINGS, timeZone });
      expect(saved.timeZone).toBe(timeZone);
    }
  });
});
