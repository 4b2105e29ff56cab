import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { navFor } from "./nav-items";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function Sidebar({ viewer }: { viewer: Viewer }) {
  return (
    <aside className="flex w-60 shrink-0 flex-col bg-slate-900 text-slate-100">
      <div className="border-b border-slate-800 px-5 py-4">
        <div className="text-lg font-bold tracking-tight">Tenure</div>
        <div className="mt-1 truncate text-sm text-slate-300" title={viewer.workspace.name}>
          {viewer.workspace.name}
        </div>
        <div className="text-xs text-slate-500">Time zone: {viewer.workspace.timeZone}</div>
      </div>
      <nav aria-label="Main" className="flex-1 space-y-1 px-3 py-4">
        {navFor(viewer.role).map((item) => (
          <NavLink key={item.href} href={item.href} label={item.label} />
        ))}
      </nav>
      <div className="border-t border-slate-800 px-5 py-4">
        <div className="truncate text-sm font-medium" title={viewer.email}>
          {viewer.name}
        </div>
        <div className="truncate text-xs text-slate-400">{viewer.email}</div>
        <div className="mt-2 flex items-center justify-between">
          <span className="rounded bg-slate-800 px-2 py-0.5 text-xs text-slate-300">{ROLE_LABELS[viewer.role]}</span>
          <SignOutButton />
        </div>
      </div>
    </aside>
  );
}
