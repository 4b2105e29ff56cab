import { type Capability, can, type Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; capability: Capability };

// Only sections that work are listed; each later feature adds its entry here with the capability it needs.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", capability: "home:read" },
  { href: "/cohorts", label: "Cohorts", capability: "analytics:read" },
  { href: "/lifecycle", label: "Lifecycle", capability: "analytics:read" },
  { href: "/revenue", label: "Revenue", capability: "analytics:read" },
  { href: "/engagement", label: "Engagement", capability: "analytics:read" },
  { href: "/segments", label: "Segments", capability: "analytics:read" },
  { href: "/customers", label: "Customers", capability: "customers:read" },
  { href: "/support", label: "Support", capability: "support:read" },
  { href: "/data-quality", label: "Data quality", capability: "analytics:read" },
  { href: "/data/import", label: "Import", capability: "settings:manage" },
  { href: "/settings/team", label: "Team", capability: "settings:manage" },
  { href: "/settings/sources", label: "Sources", capability: "settings:manage" },
  { href: "/settings/api-keys", label: "API keys", capability: "settings:manage" },
  { href: "/settings/identity", label: "Identity", capability: "settings:manage" },
  { href: "/settings/support-hours", label: "Support hours", capability: "settings:manage" },
  { href: "/settings/metrics", label: "Metrics settings", capability: "settings:manage" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.capability));
}
