import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { addTeamMember, listTeam } from "@/lib/team/members";
import { newMemberSchema } from "@/lib/team/schema";

export async function GET() {
  try {
    const viewer = await requireRole("settings:manage");
    const members = await listTeam(await getDb(), viewer.workspace.id);
    return NextResponse.json({ members });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const viewer = await requireRole("settings:manage");
    const input = newMemberSchema.parse(await readJson(request));
    const userId = await addTeamMember(await getDb(), viewer.workspace.id, viewer.userId, input);
    return NextResponse.json({ userId }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
