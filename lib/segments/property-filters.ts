import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { propertyFilterSchema } from "./rule-schema";
import type { Clock } from "./time-window";
import { valueTestSql } from "./value-test-sql";

export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

/** Every property filter of an event condition must hold (AND); none: true. */
export function propertyFiltersSql(properties: SQL, where: readonly PropertyFilter[], clock: Clock): SQL {
  if (where.length === 0) return sql`true`;
  return sql`(${sql.join(
    where.map((f) => valueTestSql(properties, f.property, f.test, clock)),
    sql` and `,
  )})`;
}
