import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { errorResponse } from "@/lib/http/respond";
import { SEGMENT_TEMPLATES } from "@/lib/segments/store/templates";

/** GET /api/v1/segments/templates: the ready-made segments, as starting points for a new segment. */
export async function GET(request: Request) {
  try {
    await requireApiAccess(request, "analytics:read");
    return NextResponse.json(SEGMENT_TEMPLATES);
  } catch (error) {
    return errorResponse(error);
  }
}
