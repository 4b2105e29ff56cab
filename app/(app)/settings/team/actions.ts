"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/respond";
import { addTeamMember, changeMemberRole, setMemberActive } from "@/lib/team/members";
import { changeRoleSchema, newMemberSchema, setActiveSchema } from "@/lib/team/schema";

export type TeamActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
};

/** Typed errors become a message for the form; anything unexpected is rethrown to the error boundary. */
function failure(error: unknown, values?: Record<string, string>): TeamActionState {
  if (error instanceof DomainError) return { ok: false, message: error.message, values };
  throw error;
}

export async function addMemberAction(_state: TeamActionState, form: FormData): Promise<TeamActionState> {
  const values = Object.fromEntries(["name", "email", "role"].map((k) => [k, String(form.get(k) ?? "")]));
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = newMemberSchema.safeParse({ ...values, password: String(form.get("password") ?? "") });
    if (!parsed.success) {
      return { ok: false, message: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
    }
    await addTeamMember(await getDb(), viewer.workspace.id, viewer.userId, parsed.data);
    revalidatePath("/settings/team");
    return { ok: true, message: `${parsed.data.name} can now sign in as ${parsed.data.role}.` };
  } catch (error) {
    return failure(error, values);
  }
}

export async function changeRoleAction(_state: TeamActionState, form: FormData): Promise<TeamActionState> {
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = changeRoleSchema.safeParse({ userId: form.get("userId"), role: form.get("role") });
    if (!parsed.success) return { ok: false, message: Object.values(fieldErrors(parsed.error))[0] };
    await changeMemberRole(await getDb(), viewer.workspace.id, viewer.userId, parsed.data.userId, parsed.data.role);
    revalidatePath("/settings/team");
    return { ok: true, message: "Role updated." };
  } catch (error) {
    return failure(error);
  }
}

export async function setActiveAction(_state: TeamActionState, form: FormData): Promise<TeamActionState> {
  try {
    const viewer = await requireRole("settings:manage");
    const parsed = setActiveSchema.safeParse({ userId: form.get("userId"), active: form.get("active") });
    if (!parsed.success) return { ok: false, message: Object.values(fieldErrors(parsed.error))[0] };
    await setMemberActive(await getDb(), viewer.workspace.id, viewer.userId, parsed.data.userId, parsed.data.active);
    revalidatePath("/settings/team");
    return { ok: true, message: parsed.data.active ? "User reactivated." : "User deactivated." };
  } catch (error) {
    return failure(error);
  }
}
