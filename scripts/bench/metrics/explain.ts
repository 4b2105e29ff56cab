/**
 * EXPLAIN (ANALYZE, BUFFERS) of the product's rollup queries, captured by handing the metric functions a Db
 * whose execute() explains the statement instead of running it, so the plan is of the exact SQL they build.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

export function explainingDb(db: Db, plans: string[], analyze = true): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== "execute") return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const plan = await rows<{ "QUERY PLAN": string }>(
          target,
          analyze ? sql`explain (analyze, buffers) ${query}` : sql`explain ${query}`,
        );
        plans.push(plan.map((line) => line["QUERY PLAN"]).join("\n"));
        // The metric functions then assemble an empty result, which is all they need to return.
        return { rows: [] };
      };
    },
  });
}
