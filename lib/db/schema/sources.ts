import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/** A place events come from; its write key authenticates the tracking API. */
export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    writeKey: text("write_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Events per second this key may send before the API answers 429; null uses the default. */
    rateLimitPerSecond: integer("rate_limit_per_second"),
  },
  (t) => [uniqueIndex("sources_write_key_key").on(t.writeKey)],
);
