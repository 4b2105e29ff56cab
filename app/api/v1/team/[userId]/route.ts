import { NextResponse } from "next/server";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { changeMemberRole, setMemberActive } from "@/lib/team/members";

const patchSchema = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((p) => p.role !== undefined || p.active !== undefined, { message: "Send role and/or active" });

export async function PATCH(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  try {
    const viewer = await requireRole("settings:manage");
    const { userId } = await params;
    const id = z.uuid("Unknown user").parse(userId);
    const patch = patchSchema.parse(await readJson(request));
    const db = await getDb();
    if (patch.role !== undefined) await changeMemberRole(db, viewer.workspace.id, viewer.userId, id, patch.role);
    if (patch.active !== undefined) await setMemberActive(db, viewer.workspace.id, viewer.userId, id, patch.active);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
