"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { fieldErrors } from "@/lib/http/respond";
import { createWorkspaceWithAdmin, firstAdminSchema, hasAnyUser } from "@/lib/workspaces/create";

export type SetupState = { message?: string; fields?: Record<string, string>; values?: Record<string, string> };

/**
 * Creates the first workspace and admin. Open to anyone, but only while the database has no users at all:
 * once someone has set Tenure up, this action refuses.
 */
export async function setupAction(_state: SetupState, form: FormData): Promise<SetupState> {
  const values = Object.fromEntries(
    ["workspaceName", "timeZone", "name", "email"].map((k) => [k, String(form.get(k) ?? "")]),
  );
  const parsed = firstAdminSchema.safeParse({ ...values, password: String(form.get("password") ?? "") });
  if (!parsed.success) return { message: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  const db = await getDb();
  if (await hasAnyUser(db)) return { message: "Tenure is already set up. Sign in instead." };
  await createWorkspaceWithAdmin(db, parsed.data);
  redirect("/login?setup=done");
}
