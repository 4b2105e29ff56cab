import type { Metadata } from "next";
import { EditSegment } from "@/components/segments/edit-segment";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("marketing:write");
  const { id } = await params;
  return <EditSegment segmentId={id} />;
}
