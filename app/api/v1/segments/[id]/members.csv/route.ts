import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { loadSegment } from "@/lib/segments/store/load";
import { membersCsv } from "@/lib/segments/store/members";

/** GET /api/v1/segments/:id/members.csv: every current member (id,user_id,email,entered_at). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const db = await getDb();
    const segment = await loadSegment(db, principal.workspace.id, (await params).id);
    const fileName = `${
      segment.name
        .replace(/[^A-Za-z0-9 _-]+/g, "")
        .trim()
        .replace(/\s+/g, "-") || "segment"
    }-members.csv`;
    return new Response(await membersCsv(db, principal.workspace.id, segment.id), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
