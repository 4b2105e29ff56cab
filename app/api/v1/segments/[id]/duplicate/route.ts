import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { duplicateSegment } from "@/lib/segments/store/crud";
import { segmentView } from "@/lib/segments/store/view";

/** POST /api/v1/segments/:id/duplicate: a draft copy named "<name> (copy)" (201). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const db = await getDb();
    const copy = await duplicateSegment(
      db,
      { workspaceId: principal.workspace.id, userId: principal.userId },
      (await params).id,
    );
    return NextResponse.json(await segmentView(db, copy), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
