import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";

// Segments are read by everyone with analytics (the manager views them) and changed by admins and marketers
// (the new and edit pages check marketing:write themselves). The check is here, before any loading state
// streams, so a support user gets a real 403.
export default async function SegmentsLayout({ children }: { children: ReactNode }) {
  await requirePageRole("analytics:read");
  return children;
}
