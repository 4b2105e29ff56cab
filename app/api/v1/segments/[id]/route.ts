import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { deleteSegment, updateSegment } from "@/lib/segments/store/crud";
import { recentChanges } from "@/lib/segments/store/history";
import { parseSegmentPatch } from "@/lib/segments/store/input";
import { loadSegment } from "@/lib/segments/store/load";
import { segmentView } from "@/lib/segments/store/view";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/segments/:id: the segment, with entries and exits over the last 7 days. */
export async function GET(request: Request, { params }: Params) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const db = await getDb();
    const segment = await loadSegment(db, principal.workspace.id, (await params).id);
    const changes = await recentChanges(db, {
      workspaceId: principal.workspace.id,
      segmentId: segment.id,
      timeZone: principal.workspace.timeZone,
    });
    return NextResponse.json({ ...(await segmentView(db, segment)), ...changes });
  } catch (error) {
    return errorResponse(error);
  }
}

/** PATCH /api/v1/segments/:id with any of name, description, status, rule. */
export async function PATCH(request: Request, { params }: Params) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const id = (await params).id;
    const patch = parseSegmentPatch(await readJson(request));
    const db = await getDb();
    await loadSegment(db, principal.workspace.id, id);
    const segment = await updateSegment(
      db,
      { workspaceId: principal.workspace.id, userId: principal.userId },
      id,
      patch,
    );
    return NextResponse.json(await segmentView(db, segment));
  } catch (error) {
    return errorResponse(error);
  }
}

/** DELETE /api/v1/segments/:id: 204; 409 while another segment's rule refers to it. */
export async function DELETE(request: Request, { params }: Params) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    await deleteSegment(await getDb(), principal.workspace.id, (await params).id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
