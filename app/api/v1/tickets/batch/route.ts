import { corsPreflight } from "@/lib/ingest/http/handle";
import { handleTicketPost } from "@/lib/tickets/http";

// Authentication here is the source write key (checked in handleTicketPost), not a user session.
export function POST(request: Request) {
  return handleTicketPost(request, "batch");
}

export function OPTIONS() {
  return corsPreflight();
}
