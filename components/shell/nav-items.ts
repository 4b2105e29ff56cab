import { type Capability, can, type Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; capability: Capability };

// Only sections that work are listed; each later feature adds its entry here with the capability it needs.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", capability: "home:read" },
  { href: "/settings/team", label: "Team", capability: "settings:manage" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.capability));
}
