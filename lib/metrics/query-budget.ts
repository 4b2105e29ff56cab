import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { TooSlow } from "@/lib/errors";

/**
 * work_mem for analytics transactions. Views the rollup cells do not hold de-duplicate (customer, period)
 * pairs of up to a million rows; with the default 4 MB, PostgreSQL 15's hash aggregate spilled the named-event
 * cohort query into 344,047 batches and ran for 180 s, and recurring cohorts ran past 120 s. With 64 MB they
 * fit in memory (docs/benchmarks.md).
 */
export const ANALYTICS_WORK_MEM_MB = 64;

/** How long one analytics view may compute before the user is asked to narrow it instead of waiting on. */
export const ANALYTICS_BUDGET_MS = 30_000;

function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "57014") return true;
  }
  return false;
}

/**
 * Runs analytics queries with a statement timeout (`set local`, so it ends with the transaction and never
 * leaks to other requests on the pooled connection). Some views (recurring cohorts over a year of daily
 * activity at millions of events) can take minutes; a clear "narrow it" beats a page that never loads.
 * PostgreSQL only: PGlite accepts the setting but has no timer to enforce it. work_mem is raised for that
 * transaction only: see ANALYTICS_WORK_MEM_MB.
 */
export async function withQueryBudget<T>(
  db: Db,
  run: (db: Db) => Promise<T>,
  budgetMs = ANALYTICS_BUDGET_MS,
  options: { workMemMb?: number } = { workMemMb: ANALYTICS_WORK_MEM_MB },
) {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(budgetMs))}`));
      if (options.workMemMb) await tx.execute(sql.raw(`set local work_mem = '${Math.floor(options.workMemMb)}MB'`));
      return run(tx as unknown as Db);
    });
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    throw new TooSlow(
      `This view took longer than ${Math.round(budgetMs / 1000)} s on this much data. Try a shorter range, a coarser period or first-time cohorts.`,
    );
  }
}

/** For pages: a TooSlow becomes a value to show as a message; any other error still fails the request. */
export async function orTooSlow<T>(work: Promise<T>): Promise<T | TooSlow> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TooSlow) return error;
    throw error;
  }
}
