import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";

// The role check lives in the layout, outside the page's loading boundary: once the loading state streams,
// the response status is fixed at 200, so a 403 must be decided before it.
export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  await requirePageRole("analytics:read");
  return children;
}
