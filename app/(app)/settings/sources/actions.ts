"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/respond";
import { createSource, revokeSource, rotateWriteKey, updateSource } from "@/lib/sources/manage";
import { newSourceSchema, parseSourceId, sourceChangesSchema } from "@/lib/sources/schema";

export type SourceActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
};

/** Typed errors become a message for the form; anything unexpected is rethrown to the error boundary. */
function failure(error: unknown, values?: Record<string, string>): SourceActionState {
  if (error instanceof DomainError) return { ok: false, message: error.message, values };
  throw error;
}

function revalidate(sourceId?: string) {
  revalidatePath("/settings/sources");
  if (sourceId) revalidatePath(`/settings/sources/${sourceId}`);
}

export async function createSourceAction(_state: SourceActionState, form: FormData): Promise<SourceActionState> {
  const values = { name: String(form.get("name") ?? "") };
  let sourceId: string;
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = newSourceSchema.safeParse(values);
    if (!parsed.success) return { ok: false, message: "Check the name.", fields: fieldErrors(parsed.error), values };
    sourceId = (await createSource(await getDb(), viewer.workspace.id, viewer.userId, parsed.data)).id;
  } catch (error) {
    return failure(error, values);
  }
  revalidate();
  // Outside the try: redirect() works by throwing, and the new source's page is where its key and snippets are.
  redirect(`/settings/sources/${sourceId}?created=1`);
}

export async function rotateKeyAction(_state: SourceActionState, form: FormData): Promise<SourceActionState> {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId(form.get("sourceId"));
    await rotateWriteKey(await getDb(), viewer.workspace.id, viewer.userId, id);
    revalidate(id);
    return { ok: true, message: "New key created. The old key stopped working: update every sender." };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeSourceAction(_state: SourceActionState, form: FormData): Promise<SourceActionState> {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId(form.get("sourceId"));
    await revokeSource(await getDb(), viewer.workspace.id, viewer.userId, id);
    revalidate(id);
    return { ok: true, message: "Source revoked. Its key no longer works; its history stays." };
  } catch (error) {
    return failure(error);
  }
}

export async function updateSourceAction(_state: SourceActionState, form: FormData): Promise<SourceActionState> {
  const values = {
    name: String(form.get("name") ?? ""),
    rateLimitPerSecond: String(form.get("rateLimitPerSecond") ?? ""),
  };
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId(form.get("sourceId"));
    const parsed = sourceChangesSchema.safeParse(values);
    if (!parsed.success) {
      return { ok: false, message: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
    }
    await updateSource(await getDb(), viewer.workspace.id, viewer.userId, id, parsed.data);
    revalidate(id);
    return { ok: true, message: "Saved.", values };
  } catch (error) {
    return failure(error, values);
  }
}
