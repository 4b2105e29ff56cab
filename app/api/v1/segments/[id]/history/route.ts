import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { parseHistoryQuery } from "@/lib/segments/store/api-schemas";
import { segmentSizeHistory } from "@/lib/segments/store/history";
import { loadSegment } from "@/lib/segments/store/load";

/** GET /api/v1/segments/:id/history?days=90: members at the end of each local day, from the entry/exit log. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const days = parseHistoryQuery(new URL(request.url));
    const db = await getDb();
    const segment = await loadSegment(db, principal.workspace.id, (await params).id);
    const points = await segmentSizeHistory(
      db,
      { workspaceId: principal.workspace.id, segmentId: segment.id, timeZone: principal.workspace.timeZone },
      days,
    );
    return NextResponse.json({ points });
  } catch (error) {
    return errorResponse(error);
  }
}
