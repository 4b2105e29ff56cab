import { type Cursor, decodeCursor, encodeCursor, type PageRequest } from "./keyset";
import { isTimelineCursor } from "./timeline";

/**
 * The profile page's timeline position in the URL: `older=<token>` (the page after a position, going back
 * in time) or `newer=<token>` (the page before it). A bad token shows the newest page with a message.
 */
export function parseTimelineParams(input: Record<string, string | string[] | undefined>): {
  cursor: Omit<PageRequest, "limit">;
  error?: string;
} {
  const older = single(input.older);
  const newer = single(input.newer);
  if (older === undefined && newer === undefined) return { cursor: {} };
  const token = older ?? newer ?? "";
  const cursor = older !== undefined && newer !== undefined ? null : decodeCursor(token);
  if (!cursor || !isTimelineCursor(cursor)) {
    return { cursor: {}, error: "That timeline link is out of date or was edited; showing the newest events." };
  }
  return { cursor: older !== undefined ? { after: cursor } : { before: cursor } };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A link to the profile at a timeline position, scrolled to the timeline. */
export function timelineHref(customerId: number, position: { after?: Cursor; before?: Cursor }): string {
  const params = new URLSearchParams();
  if (position.after) params.set("older", encodeCursor(position.after));
  if (position.before) params.set("newer", encodeCursor(position.before));
  const query = params.toString();
  return `/customers/${customerId}${query ? `?${query}` : ""}#timeline`;
}
