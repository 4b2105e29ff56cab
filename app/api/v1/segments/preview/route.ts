import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { describeSegmentRule } from "@/lib/segments/describe";
import { countAndSample } from "@/lib/segments/preview";
import { parsePreviewRequest } from "@/lib/segments/preview-request";
import { checkReferencedSegments, referencedNames, savedSegmentResolver } from "@/lib/segments/store/references";

/**
 * POST /api/v1/segments/preview with `{ rule, sample? }`: how many customers match a segment rule right now,
 * a sample of them and the rule in plain language. Marketers and admins (signed in); a 400 names the path of
 * the offending condition. "Is in segment X" reads the saved segments. docs/segments.md "Preview API".
 */
export async function POST(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const { rule, sample } = parsePreviewRequest(await readJson(request));
    const db = await getDb();
    const workspaceId = principal.workspace.id;
    await checkReferencedSegments(db, workspaceId, rule, ["rule"]);
    const preview = await countAndSample(db, workspaceId, rule, {
      sample,
      pathPrefix: ["rule"],
      resolveSegment: savedSegmentResolver(db, workspaceId),
    });
    return NextResponse.json({
      ...preview,
      summary: describeSegmentRule(rule, await referencedNames(db, workspaceId, rule)),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
