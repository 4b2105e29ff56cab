import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";

const eventName = z.string().trim().min(1, "Pick an event").max(200);
const propertyName = z.string().trim().min(1, "Name a property").max(200);

/**
 * What the workspace's metrics read (METRICS.md). The defaults follow Segment's e-commerce and subscription
 * spec names and match the demo workspace, so a new workspace gets numbers before anyone opens settings.
 * Stored in workspaces.settings.metrics; the time zone is the workspace's own column.
 */
export const metricSettingsSchema = z.object({
  /** null: a customer signs up with their first event of any kind. */
  signupEvent: eventName.nullable(),
  activationEvents: z.array(eventName).max(20),
  /** In order; onboarding is complete when all were performed within onboardingWindowDays of signup. */
  onboardingSteps: z.array(eventName).max(20),
  coreFeatureEvents: z.array(eventName).max(20),
  purchase: z.object({
    event: eventName,
    revenueProperty: propertyName,
    /** Read when the revenue property is missing or not a number. */
    fallbackRevenueProperty: propertyName.nullable(),
    discountProperty: propertyName.nullable(),
    orderIdProperty: propertyName.nullable(),
  }),
  subscription: z.object({
    started: eventName,
    changed: eventName,
    renewed: eventName,
    cancelled: eventName,
  }),
  inactivityWindowDays: z.number().int().min(1).max(3650),
  onboardingWindowDays: z.number().int().min(1).max(365),
  /** Acquisition spend per month, optionally per channel (the customers' `acquisition_channel` trait). */
  cac: z
    .array(
      z.object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use YYYY-MM"),
        channel: z.string().trim().min(1).max(100).nullable(),
        /** Spend on acquisition that month, in the workspace currency. */
        spend: z.number().min(0),
        /** Customers acquired; null counts the customers who signed up that month (on that channel). */
        customersAcquired: z.number().int().min(0).nullable(),
      }),
    )
    .max(600),
});

export type MetricSettings = z.infer<typeof metricSettingsSchema>;

export const DEFAULT_METRIC_SETTINGS: MetricSettings = {
  signupEvent: "Signed Up",
  activationEvents: ["First Box Customized"],
  onboardingSteps: ["Profile Completed", "Preferences Set", "First Box Customized"],
  coreFeatureEvents: ["Box Customized", "Recipe Viewed"],
  purchase: {
    event: "Order Completed",
    revenueProperty: "revenue",
    fallbackRevenueProperty: "total",
    discountProperty: "discount",
    orderIdProperty: "order_id",
  },
  subscription: {
    started: "Subscription Started",
    changed: "Subscription Changed",
    renewed: "Subscription Renewed",
    cancelled: "Subscription Cancelled",
  },
  inactivityWindowDays: 90,
  onboardingWindowDays: 14,
  cac: [],
};

/** The workspace's settings merged over the defaults (a stored partial or outdated object still works). */
export function resolveMetricSettings(stored: unknown): MetricSettings {
  const base = DEFAULT_METRIC_SETTINGS;
  const value = (stored ?? {}) as Partial<MetricSettings>;
  const merged = {
    ...base,
    ...value,
    purchase: { ...base.purchase, ...(value.purchase ?? {}) },
    subscription: { ...base.subscription, ...(value.subscription ?? {}) },
  };
  const parsed = metricSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : base;
}

export type MetricContext = { workspaceId: string; timeZone: string; settings: MetricSettings };

/** Everything a metric query needs to know about the workspace, read once per request. */
export async function loadMetricContext(db: Db, workspaceId: string): Promise<MetricContext> {
  const [row] = await db
    .select({ timeZone: workspaces.timeZone, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw new Error(`Workspace ${workspaceId} does not exist`);
  return { workspaceId, timeZone: row.timeZone, settings: resolveMetricSettings(row.settings.metrics) };
}
