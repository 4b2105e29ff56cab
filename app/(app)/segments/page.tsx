import type { Metadata } from "next";
import { SegmentsPage } from "@/components/segments/segments-page";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsListPage() {
  const viewer = await requirePageRole("analytics:read");
  return <SegmentsPage canEdit={can(viewer.role, "marketing:write")} timeZone={viewer.workspace.timeZone} />;
}
