/**
 * Who may do what. Every page, route handler and server action asks `can(role, capability)` through
 * requireRole; this table is the only place the rules live.
 */
export const ROLES = ["admin", "marketer", "manager", "support"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  marketer: "Marketer",
  manager: "Manager",
  support: "Support",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including users and settings",
  marketer: "Segments, journeys, messages and analytics",
  manager: "Reads every dashboard, changes nothing",
  support: "Support insights and customer profiles",
};

export const CAPABILITIES = {
  /** The overview and analytics dashboards. */
  "analytics:read": ["admin", "marketer", "manager"],
  /** Customer list and profiles. */
  "customers:read": ["admin", "marketer", "manager", "support"],
  "support:read": ["admin", "manager", "support"],
  /** Segments, journeys, messages: creating and changing them. */
  "marketing:write": ["admin", "marketer"],
  /** Users, roles, sources, workspace settings. */
  "settings:manage": ["admin"],
  /** The home page every signed-in user lands on. */
  "home:read": ["admin", "marketer", "manager", "support"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
