import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { parseUploadRequest } from "@/lib/segments/store/api-schemas";
import { uploadStaticMembers } from "@/lib/segments/store/upload";

/**
 * POST /api/v1/segments/:id/upload (static segments): JSON `{ mode, identifiers }` or a multipart CSV `file`
 * with `mode`; answers `{ matched, added, removed, unmatched }`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const segmentId = (await params).id;
    const { mode, identifiers } = await parseUploadRequest(request);
    const result = await uploadStaticMembers(
      await getDb(),
      { workspaceId: principal.workspace.id, segmentId },
      mode,
      identifiers,
    );
    return NextResponse.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
