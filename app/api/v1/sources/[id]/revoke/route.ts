import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { revokeSource } from "@/lib/sources/manage";
import { parseSourceId } from "@/lib/sources/schema";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId((await params).id);
    const source = await revokeSource(await getDb(), viewer.workspace.id, viewer.userId, id);
    return NextResponse.json({ source });
  } catch (error) {
    return errorResponse(error);
  }
}
