import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { createSegment } from "@/lib/segments/store/crud";
import { parseSegmentCreate } from "@/lib/segments/store/input";
import { loadSegments } from "@/lib/segments/store/load";
import { segmentView, segmentViews } from "@/lib/segments/store/view";

/** GET /api/v1/segments: every segment of the workspace with its current size (docs/segments-api.md). */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const db = await getDb();
    const list = await loadSegments(db, principal.workspace.id);
    return NextResponse.json({ segments: await segmentViews(db, principal.workspace.id, list) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST /api/v1/segments: creates a segment (201); an active one gets its members at once. */
export async function POST(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const input = parseSegmentCreate(await readJson(request));
    const db = await getDb();
    const segment = await createSegment(db, { workspaceId: principal.workspace.id, userId: principal.userId }, input);
    return NextResponse.json(await segmentView(db, segment), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
