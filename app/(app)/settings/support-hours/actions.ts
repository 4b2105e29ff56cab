"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { parseSupportHoursForm, type SupportHoursFormValues } from "@/lib/support/hours-form";
import { saveSupportHours } from "@/lib/support/hours-store";

export type SupportHoursActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: SupportHoursFormValues;
};

export async function saveSupportHoursAction(
  _state: SupportHoursActionState,
  form: FormData,
): Promise<SupportHoursActionState> {
  const values: SupportHoursFormValues = {
    days: form.getAll("days").map(String),
    start: String(form.get("start") ?? ""),
    end: String(form.get("end") ?? ""),
  };
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = parseSupportHoursForm(values);
    if (!parsed.ok) return { ok: false, message: "Check the highlighted fields.", fields: parsed.fields, values };
    const { changed } = await saveSupportHours(await getDb(), viewer.workspace.id, viewer.userId, parsed.hours);
    revalidatePath("/settings/support-hours");
    revalidatePath("/support");
    return {
      ok: true,
      message: changed ? "Saved. Business-hour times on the Support page now use these hours." : "Nothing changed.",
    };
  } catch (error) {
    // Typed errors become a message for the form; anything unexpected goes to the error boundary.
    if (error instanceof DomainError) return { ok: false, message: error.message, values };
    throw error;
  }
}
