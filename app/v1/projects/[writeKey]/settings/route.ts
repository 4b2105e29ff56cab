import { getDb } from "@/lib/db";
import { corsPreflight, trackingJson } from "@/lib/ingest/http/handle";
import { analyticsJsSettings } from "@/lib/ingest/http/settings";
import { findActiveSourceByWriteKey } from "@/lib/sources/resolve";

/**
 * The settings object analytics.js fetches from `${cdnURL}/v1/projects/<writeKey>/settings` on load. It
 * points the Segment.io destination at this Tenure and turns everything else off.
 */
export async function GET(request: Request, { params }: { params: Promise<{ writeKey: string }> }) {
  const { writeKey } = await params;
  const source = await findActiveSourceByWriteKey(await getDb(), writeKey);
  if (!source) return trackingJson({ success: false, error: "Unknown or revoked write key." }, 404);
  return trackingJson(analyticsJsSettings(writeKey, new URL(request.url), request.headers));
}

export function OPTIONS() {
  return corsPreflight();
}
