import { type Database, getDatabase } from "@/lib/db";
import { findActiveSourceByWriteKey } from "@/lib/sources/resolve";
import { inboxBacklog } from "../inbox/drain";
import { trackingJson } from "./handle";
import { writeKeyFrom } from "./write-key";

/**
 * GET /v1/backlog: how many events this write key's workspace has accepted that are not stored as events yet
 * (the inbox the drain works through). Authenticated like the tracking API, by write key; it reveals a count
 * and nothing else. Load tests and operators poll it to see when accepted events have become readable.
 */
export async function handleBacklogGet(request: Request, deps: { database?: Database } = {}): Promise<Response> {
  const writeKey = writeKeyFrom(request, null);
  if (!writeKey) return trackingJson({ success: false, error: "Missing write key." }, 401);
  const database = deps.database ?? (await getDatabase());
  const source = await findActiveSourceByWriteKey(database.db, writeKey);
  if (!source) return trackingJson({ success: false, error: "Unknown or revoked write key." }, 401);
  return trackingJson({ success: true, pendingEvents: await inboxBacklog(database.db, source.workspaceId) });
}
