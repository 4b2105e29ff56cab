import { corsPreflight, ENDPOINTS, handleTrackingPost, trackingJson } from "@/lib/ingest/http/handle";

// Authentication here is the source write key (checked in handleTrackingPost), not a user session.
export async function POST(request: Request, { params }: { params: Promise<{ endpoint: string }> }) {
  const { endpoint } = await params;
  const kind = ENDPOINTS[endpoint];
  if (!kind) return trackingJson({ success: false, error: `Unknown endpoint /v1/${endpoint}.` }, 404);
  return handleTrackingPost(request, kind);
}

export function OPTIONS() {
  return corsPreflight();
}
