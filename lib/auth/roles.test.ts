import { describe, expect, it } from "vitest";
import { can, ROLES } from "./roles";

// The access matrix from the foundation issue, written out by hand.
const EXPECTED: Record<string, Record<(typeof ROLES)[number], boolean>> = {
  "settings:manage": { admin: true, marketer: false, manager: false, support: false },
  "marketing:write": { admin: true, marketer: true, manager: false, support: false },
  "analytics:read": { admin: true, marketer: true, manager: true, support: false },
  "support:read": { admin: true, marketer: false, manager: true, support: true },
  "customers:read": { admin: true, marketer: true, manager: true, support: true },
};

describe("role capabilities", () => {
  for (const [capability, byRole] of Object.entries(EXPECTED)) {
    for (const role of ROLES) {
      it(`${role} ${byRole[role] ? "may" : "may not"} ${capability}`, () => {
        expect(can(role, capability as Parameters<typeof can>[1])).toBe(byRole[role]);
      });
    }
  }
});
