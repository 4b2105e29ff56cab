import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { requirePageRole } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageRole("home:read");
  return (
    <div className="flex min-h-screen">
      <Sidebar viewer={viewer} />
      <main className="min-w-0 flex-1 px-8 py-8">{children}</main>
    </div>
  );
}
