import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { listEventCatalog } from "@/lib/metrics/event-catalog";

/**
 * GET /api/v1/segments-catalog/events — the event names the workspace has sent, for the segment builder's
 * event pickers (the same catalog as Settings → Metrics). Segment editors only (marketing:write).
 */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const catalog = await listEventCatalog(await getDb(), principal.workspace.id);
    return NextResponse.json({
      events: catalog.map((e) => ({
        name: e.name,
        type: e.type,
        recentCount: e.recentCount,
        recentCountCapped: e.recentCountCapped,
      })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
