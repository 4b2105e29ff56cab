import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { parseMembersQuery } from "@/lib/segments/store/api-schemas";
import { loadSegment } from "@/lib/segments/store/load";
import { listMembers } from "@/lib/segments/store/members";

/** GET /api/v1/segments/:id/members?cursor=&limit=50: current members, newest entry first, keyset-paged. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const page = parseMembersQuery(new URL(request.url));
    const db = await getDb();
    const segment = await loadSegment(db, principal.workspace.id, (await params).id);
    return NextResponse.json(await listMembers(db, principal.workspace.id, segment.id, page));
  } catch (error) {
    return errorResponse(error);
  }
}
