"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError, Invalid } from "@/lib/errors";
import { type EventProperties, listEventProperties } from "@/lib/metrics/event-catalog";
import { saveMetricSettings } from "@/lib/metrics/save-settings";
import { draftToInput, type MetricSettingsDraft } from "@/lib/metrics/settings-form";

export type MetricSettingsActionState = {
  ok?: boolean;
  message?: string;
  /** Field path ("purchase.event", "cac.0.month") → message. */
  fields?: Record<string, string>;
};

// The form posts its draft as one JSON field; this checks only its shape (strings where the form has text
// boxes, bounded lists). What the values mean is saveMetricSettings's to judge, with messages per field.
const text = z.string().max(1000);
const list = z.array(text).max(50);
const draftSchema: z.ZodType<MetricSettingsDraft> = z.object({
  timeZone: text,
  signupEvent: text,
  activationEvents: list,
  onboardingSteps: list,
  coreFeatureEvents: list,
  purchase: z.object({
    event: text,
    revenueProperty: text,
    fallbackRevenueProperty: text,
    discountProperty: text,
    orderIdProperty: text,
  }),
  subscription: z.object({ started: text, changed: text, renewed: text, cancelled: text }),
  inactivityWindowDays: text,
  onboardingWindowDays: text,
  cac: z.array(z.object({ month: text, channel: text, spend: text, customersAcquired: text })).max(1000),
});

function parseDraft(raw: FormDataEntryValue | null): MetricSettingsDraft {
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === "string" ? raw : "");
  } catch {
    throw new Invalid("The form was sent incomplete. Reload the page and try again.");
  }
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success) throw new Invalid("The form was sent incomplete. Reload the page and try again.");
  return parsed.data;
}

export async function saveMetricSettingsAction(
  _state: MetricSettingsActionState,
  form: FormData,
): Promise<MetricSettingsActionState> {
  try {
    const viewer = await requireRole("settings:manage");
    const draft = parseDraft(form.get("draft"));
    const saved = await saveMetricSettings(await getDb(), viewer.workspace.id, viewer.userId, draftToInput(draft));
    // The whole app reads these settings (dashboards, the shell's dates), not only this page.
    revalidatePath("/", "layout");
    if (saved.changed.length === 0) return { ok: true, message: "Saved. Nothing had changed." };
    const rebuilt = saved.rollupRebuilt
      ? ` Daily activity was recomputed in calendar days of ${saved.timeZone}, so every chart now uses them.`
      : "";
    return { ok: true, message: `Saved. Metrics use the new settings from now on.${rebuilt}` };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message, fields: error.fields };
    if (error instanceof DomainError) return { ok: false, message: error.message };
    throw error;
  }
}

const eventNameSchema = z.string().trim().min(1).max(200);

/** Properties seen on an event, for the purchase property pickers; admins only, like the page. */
export async function eventPropertiesAction(eventName: string): Promise<EventProperties> {
  const viewer = await requireRole("settings:manage");
  const parsed = eventNameSchema.safeParse(eventName);
  if (!parsed.success) return { sampled: 0, properties: [] };
  return listEventProperties(await getDb(), viewer.workspace.id, parsed.data);
}
