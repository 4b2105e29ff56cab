import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { TooSlow } from "@/lib/errors";

/**
 * Recurring cohorts pair every start period of a customer with every later return period: at 10M events the
 * default 4 MB work_mem spilled that join to disk and it ran past 120 s; with 64 MB it takes about 9 s. The
 * first-time view measured slower with more memory (2.0 s → 2.9 s: the planner switches to hashing), so only
 * recurring queries ask for it (docs/benchmarks.md).
 */
export const RECURRING_WORK_MEM_MB = 64;

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
 * PostgreSQL only: PGlite accepts the setting but has no timer to enforce it. `workMemMb` raises work_mem
 * for that transaction only: see RECURRING_WORK_MEM_MB.
 */
export async function withQueryBudget<T>(
  db: Db,
  run: (db: Db) => Promise<T>,
  budgetMs = ANALYTICS_BUDGET_MS,
  options: { workMemMb?: number } = {},
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

/** The work_mem a cohort query should run with (only recurring cohorts ask for more). */
export function memoryFor(query: { mode: string }): { workMemMb?: number } {
  return query.mode === "recurring" ? { workMemMb: RECURRING_WORK_MEM_MB } : {};
}
