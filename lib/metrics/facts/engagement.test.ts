import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { engagementStats, fromEventFacts } from "@/lib/metrics/kpis/engagement";
import { splitRange } from "@/lib/metrics/kpis/period";
import { saveMetricSettings } from "@/lib/metrics/save-settings";
import { DEFAULT_METRIC_SETTINGS, loadMetricContext, type MetricSettings } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { engagementFollowsSettings, rebuildEngagementFacts } from "./engagement";
import { backfillKpiFacts } from "./index";
import { ingest, mergedProfiles, newWorkspace, randomStream } from "./random-stream";

type Row = {
  customer_id: number;
  signed_up_at: string;
  activated_at: string | null;
  step_at: string;
  feature_at: string;
};

async function engagementRows(db: Db, workspaceId: string): Promise<Row[]> {
  const found = await rows<Row>(
    db,
    sql`select customer_id, signed_up_at::text, activated_at::text, step_at::text, feature_at::text
        from customer_engagement where workspace_id = ${workspaceId} order by customer_id`,
  );
  return found.map((r) => ({ ...r, customer_id: Number(r.customer_id) }));
}

const SETTINGS: Partial<MetricSettings> = {
  signupEvent: "Signed Up",
  activationEvents: ["Activated", "Box Customized"],
  onboardingSteps: ["Step A", "Step B"],
  coreFeatureEvents: ["Box Customized", "Recipe Viewed"],
  onboardingWindowDays: 7,
};
const NAMES = ["Signed Up", "Signed Up", "Activated", "Step A", "Step B", "Box Customized", "Recipe Viewed", "Other"];
// Weekly signup cohorts over the streams' 60 days (from 2026-03-01), with "now" inside them: some windows open.
const WEEKS = splitRange({ from: "2026-02-23", to: "2026-05-03" }, "week");
const NOW = new Date("2026-04-10T00:00:00Z");

describeEachDatabase("customer_engagement kept by ingest", ({ database }) => {
  /**
   * Property: after any stream of ingests (merges, retries, out-of-order arrival) the rows ingest kept equal a
   * rebuild from the event facts, and the engagement KPIs read from them equal the KPIs computed from the facts
   * per cohort member (the path the hand-worked tests in lib/metrics/kpis/engagement.test.ts cover). With a
   * signup event, and with "the first event of any kind" as the signup.
   */
  const seen = { signups: 0, activated: 0, completed: 0 };
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const signupEvent = seed % 2 === 0 ? null : "Signed Up";
    it(`random stream #${seed} (signup: ${signupEvent ?? "first event"}): kept rows equal a rebuild`, async () => {
      const db = database().db;
      const ws = await newWorkspace(db, `engagement p${seed}`, { ...SETTINGS, signupEvent });
      await ingest(db, ws, randomStream(seed, { names: NAMES }));
      const context = await loadMetricContext(db, ws);
      expect(await engagementFollowsSettings(db, context)).toBe(true);

      const kept = await engagementRows(db, ws);
      const stats = await engagementStats(db, context, WEEKS, NOW);
      await rebuildEngagementFacts(db, context);
      expect(kept).toEqual(await engagementRows(db, ws));
      expect(stats).toEqual(await fromEventFacts(db, context, WEEKS, NOW));

      // The stream exercised what it claims: merges here, signups, activations and completions over all streams.
      expect(await mergedProfiles(db, ws)).toBeGreaterThan(0);
      expect(kept.length).toBeGreaterThan(0);
      seen.signups += kept.length;
      seen.activated += stats.reduce((n, s) => n + s.timeToFirstValue.activated, 0);
      seen.completed += stats.reduce((n, s) => n + s.onboardingCompleted, 0);
    });
  }

  it("the random streams above had signups, activations and completed onboardings to compare", () => {
    expect(seen.signups).toBeGreaterThan(10);
    expect(seen.activated).toBeGreaterThan(5);
    expect(seen.completed).toBeGreaterThan(2);
  });

  it("follows the settings: a save of the engagement events rebuilds the rows, other settings read the facts", async () => {
    const db = database().db;
    const ws = await newWorkspace(db, "engagement settings", SETTINGS);
    await ingest(db, ws, randomStream(11, { names: NAMES }));
    const before = await loadMetricContext(db, ws);

    // Asked with settings other than the saved ones (a what-if): not the table's, so the facts answer.
    const whatIf = { ...before, settings: { ...before.settings, onboardingSteps: ["Step B"] } };
    expect(await engagementFollowsSettings(db, whatIf)).toBe(false);

    const changed: MetricSettings = {
      ...DEFAULT_METRIC_SETTINGS,
      ...SETTINGS,
      signupEvent: "Activated",
      activationEvents: ["Step B"],
      onboardingSteps: ["Step B", "Recipe Viewed", "Step A"],
      coreFeatureEvents: ["Other"],
    };
    await saveMetricSettings(db, ws, null, { ...changed, timeZone: "UTC" });
    const after = await loadMetricContext(db, ws);
    expect(after.settings.onboardingSteps).toEqual(["Step B", "Recipe Viewed", "Step A"]);
    expect(await engagementFollowsSettings(db, after)).toBe(true);
    const saved = await engagementRows(db, ws);
    expect(saved.every((r) => r.step_at.split(",").length === 3)).toBe(true);
    const stats = await engagementStats(db, after, WEEKS, NOW);
    await rebuildEngagementFacts(db, after);
    expect(saved).toEqual(await engagementRows(db, ws));
    expect(stats).toEqual(await fromEventFacts(db, after, WEEKS, NOW));
    expect(stats.reduce((n, s) => n + s.signups, 0)).toBeGreaterThan(0);

    // Later ingests follow the saved settings too.
    await ingest(db, ws, randomStream(12, { names: NAMES, batches: 4 }));
    const kept = await engagementRows(db, ws);
    await rebuildEngagementFacts(db, after);
    expect(kept).toEqual(await engagementRows(db, ws));
  });

  it("is filled at start for a workspace that has facts but no rows yet", async () => {
    const db = database().db;
    const ws = await newWorkspace(db, "engagement backfill", SETTINGS);
    await ingest(db, ws, randomStream(21, { names: NAMES, batches: 5 }));
    const kept = await engagementRows(db, ws);
    expect(kept.length).toBeGreaterThan(0);
    await db.execute(sql`delete from customer_engagement where workspace_id = ${ws}`);
    expect(await backfillKpiFacts(db)).toBeGreaterThanOrEqual(1);
    expect(await engagementRows(db, ws)).toEqual(kept);
  });
});
