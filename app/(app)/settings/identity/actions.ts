"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { type IdentitySettingsFormValues, parseIdentitySettingsForm } from "@/lib/customers/identity-settings-form";
import { saveIdentitySettings } from "@/lib/customers/identity-settings-save";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";

export type IdentitySettingsActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: IdentitySettingsFormValues;
};

export async function saveIdentitySettingsAction(
  _state: IdentitySettingsActionState,
  form: FormData,
): Promise<IdentitySettingsActionState> {
  const values: IdentitySettingsFormValues = {
    blockedIdentityValues: String(form.get("blockedIdentityValues") ?? ""),
    maxUsersPerAnonymousId: String(form.get("maxUsersPerAnonymousId") ?? ""),
  };
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = parseIdentitySettingsForm(values);
    if (!parsed.ok) return { ok: false, message: "Check the highlighted fields.", fields: parsed.fields, values };
    const { changed } = await saveIdentitySettings(await getDb(), viewer.workspace.id, viewer.userId, parsed.settings);
    revalidatePath("/settings/identity");
    return { ok: true, message: changed.length === 0 ? "Nothing changed." : "Saved. New events use these settings." };
  } catch (error) {
    // Typed errors become a message for the form; anything unexpected goes to the error boundary.
    if (error instanceof DomainError) return { ok: false, message: error.message, values };
    throw error;
  }
}
