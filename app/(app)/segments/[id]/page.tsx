import type { Metadata } from "next";
import { SegmentOverview } from "@/components/segments/segment-overview";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageRole("analytics:read");
  const { id } = await params;
  return (
    <SegmentOverview
      segmentId={id}
      canEdit={can(viewer.role, "marketing:write")}
      timeZone={viewer.workspace.timeZone}
    />
  );
}
