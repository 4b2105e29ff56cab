import { handleBacklogGet } from "@/lib/ingest/http/backlog";
import { corsPreflight } from "@/lib/ingest/http/handle";

// Authentication is the source write key (checked in handleBacklogGet), not a user session.
export async function GET(request: Request) {
  return handleBacklogGet(request);
}

export function OPTIONS() {
  return corsPreflight();
}
