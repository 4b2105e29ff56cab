import type { Role } from "@/lib/auth/roles";

/**
 * The demo workspace's fixed names and sign-ins. They are public on purpose (README, docs/demo-data.md, e2e
 * tests): the demo holds synthetic data only. A real deployment starts with SEED=0 or deletes the demo.
 */
export const DEMO_WORKSPACE_NAME = "Northwind Coffee Club";
export const DEMO_TIME_ZONE = "America/New_York";

/** Write key of the demo's "Website" source, so the tracking API can be tried against the demo at once. */
export const DEMO_WRITE_KEY = "demo_write_key_northwind";
export const DEMO_SOURCE_NAME = "Website";

export type DemoUser = { role: Role; name: string; email: string; password: string };

/** One user per role; the first is the workspace's admin. */
export const DEMO_USERS = [
  { role: "admin", name: "Ada Admin", email: "admin@demo.tenure.dev", password: "tenure-demo-admin" },
  { role: "marketer", name: "Mia Marketer", email: "marketer@demo.tenure.dev", password: "tenure-demo-marketer" },
  { role: "manager", name: "Max Manager", email: "manager@demo.tenure.dev", password: "tenure-demo-manager" },
  { role: "support", name: "Sam Support", email: "support@demo.tenure.dev", password: "tenure-demo-support" },
] as const satisfies readonly DemoUser[];
