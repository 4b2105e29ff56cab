"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { newApiKeySchema, parseApiKeyId } from "@/lib/auth/api-keys-schema";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/respond";

export type ApiKeyActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  /** The new key, in this one response only: the page shows it once and nothing can show it again. */
  created?: { id: string; name: string; secret: string };
};

/** Typed errors become a message for the form; anything unexpected is rethrown to the error boundary. */
function failure(error: unknown, values?: Record<string, string>): ApiKeyActionState {
  if (error instanceof DomainError) return { ok: false, message: error.message, values };
  throw error;
}

export async function createApiKeyAction(_state: ApiKeyActionState, form: FormData): Promise<ApiKeyActionState> {
  const values = { name: String(form.get("name") ?? "") };
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = newApiKeySchema.safeParse(values);
    if (!parsed.success) return { ok: false, message: "Check the name.", fields: fieldErrors(parsed.error), values };
    const { apiKey, secret } = await createApiKey(await getDb(), viewer.workspace.id, viewer.userId, parsed.data.name);
    revalidatePath("/settings/api-keys");
    return { ok: true, created: { id: apiKey.id, name: apiKey.name, secret } };
  } catch (error) {
    return failure(error, values);
  }
}

export async function revokeApiKeyAction(_state: ApiKeyActionState, form: FormData): Promise<ApiKeyActionState> {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseApiKeyId(form.get("apiKeyId"));
    const apiKey = await revokeApiKey(await getDb(), viewer.workspace.id, viewer.userId, id);
    revalidatePath("/settings/api-keys");
    return { ok: true, message: `“${apiKey.name}” revoked: requests with it now get 401.` };
  } catch (error) {
    return failure(error);
  }
}
