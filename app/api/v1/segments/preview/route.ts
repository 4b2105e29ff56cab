import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { describeSegmentRule } from "@/lib/segments/describe";
import { countAndSample } from "@/lib/segments/preview";
import { parsePreviewRequest } from "@/lib/segments/preview-request";

/**
 * POST /api/v1/segments/preview with `{ rule, sample? }`: how many customers match a segment rule right now,
 * a sample of them and the rule in plain language. Marketers and admins (signed in); a 400 names the path of
 * the offending condition. docs/segments.md "Preview API".
 */
export async function POST(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const { rule, sample } = parsePreviewRequest(await readJson(request));
    const preview = await countAndSample(await getDb(), principal.workspace.id, rule, {
      sample,
      pathPrefix: ["rule"],
    });
    return NextResponse.json({ ...preview, summary: describeSegmentRule(rule) });
  } catch (error) {
    return errorResponse(error);
  }
}
