/** Where a batch goes: the workspace, and the source (write key) it came through, if any. */
export type IngestTarget = { workspaceId: string; sourceId: string | null };
/** One message as received, and its size on the wire when known (for the per-event limit). */
export type RawItem = { raw: unknown; sizeBytes?: number };
/** A message refused on its own, reported back by its position in the request. */
export type RejectedEvent = { index: number; messageId: string | null; reason: string; message: string };
export type IngestOutcome = { accepted: number; duplicates: number; rejected: RejectedEvent[] };
