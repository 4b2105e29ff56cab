import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Per-workspace settings; later issues add metric and messaging settings here. */
export type WorkspaceSettings = {
  blockedIdentityValues?: string[];
  /** How many distinct users one anonymous id may merge into (lib/customers/identity-settings.ts); default 1. */
  maxUsersPerAnonymousId?: number;
  /** Metric settings; read through resolveMetricSettings (lib/metrics/settings.ts), which validates them. */
  metrics?: unknown;
};

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  settings: jsonb("settings").$type<WorkspaceSettings>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
