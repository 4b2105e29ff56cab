import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";

// The role check lives in the layout, outside the pages' loading boundaries: once a loading state streams, the
// response status is fixed at 200, so a 403 must be decided before it (as app/(app)/revenue/layout.tsx).
export default async function SupportLayout({ children }: { children: ReactNode }) {
  await requirePageRole("support:read");
  return children;
}
