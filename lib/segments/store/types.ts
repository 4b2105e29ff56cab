import type { SegmentRule } from "../rule-schema";

export const SEGMENT_KINDS = ["dynamic", "static"] as const;
export const SEGMENT_STATUSES = ["draft", "active"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/** A saved segment as stored (rule validated on the way in; null for static segments). */
export type SavedSegment = {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  kind: SegmentKind;
  status: SegmentStatus;
  rule: SegmentRule | null;
  templateKey: string | null;
  recomputedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What the API answers for a segment (docs/segments-api.md). */
export type SegmentView = {
  id: string;
  name: string;
  description: string;
  kind: SegmentKind;
  status: SegmentStatus;
  rule: SegmentRule | null;
  /** The rule in plain language, or what a static segment holds. */
  summary: string;
  /** Current members; null for a draft dynamic segment (drafts keep no membership). */
  members: number | null;
  updatedAt: string;
  createdAt: string;
};

/** How many customers entered and left the segment: the outcome of a recompute or an upload. */
export type MembershipChange = { entered: number; exited: number };

/** Entries and exits are named like the events they are ("Segment Entered" / "Segment Exited"). */
export const SEGMENT_ENTERED = "Segment Entered";
export const SEGMENT_EXITED = "Segment Exited";

/** Whether the segment keeps a membership table: active dynamic segments, and every static one. */
export function keepsMembers(segment: Pick<SavedSegment, "kind" | "status">): boolean {
  return segment.kind === "static" || segment.status === "active";
}
