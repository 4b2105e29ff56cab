/**
 * The queries the bench times. Each comparable case has the product's rollup-based function and the
 * straightforward raw-events SQL for the same numbers, both reduced to a Canonical for the identity check.
 */
import type { Db } from "@/lib/db/client";
import { computeLifecycle } from "@/lib/metrics/lifecycle";
import { addPeriods, localDate, periodStart } from "@/lib/metrics/periods";
import { withQueryBudget } from "@/lib/metrics/query-budget";
import { computeRetention } from "@/lib/metrics/retention";
import { ANY_EVENT, type RetentionQuery } from "@/lib/metrics/retention-query";
import { STATEMENT_TIMEOUT_S } from "./bench-database";
import {
  type Canonical,
  lifecycleFromRaw,
  lifecycleFromRollup,
  type RawRow,
  retentionFromRaw,
  retentionFromRollup,
} from "./canonical";
import { type EventSource, type RawRetention, rawLifecycleSql, rawRetentionSql, type WeekWindow } from "./raw-sql";

export const WEEKS = 52;

export type ComparableCase = {
  name: string;
  rollup(db: Db): Promise<Canonical>;
  rawSql(source: EventSource): string;
  fromRaw(rows: readonly RawRow[]): Canonical;
};

/** The 52 weeks ending with the current (running) week, in the workspace's time zone. */
export function weekWindow(now: Date, timeZone: string): WeekWindow & { today: string } {
  const today = localDate(now, timeZone);
  const lastWeek = periodStart(today, "week");
  return { timeZone, today, lastWeek, firstWeek: addPeriods(lastWeek, "week", -(WEEKS - 1)) };
}

/** Inside the pages' analytics transaction (work_mem, statement budget), with the bench's own time limit. */
function asTheProductRuns<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  return withQueryBudget(db, run, STATEMENT_TIMEOUT_S * 1000);
}

export function comparableCases(workspaceId: string, now: Date, timeZone: string): ComparableCase[] {
  const window = weekWindow(now, timeZone);
  const scope = { workspaceId, timeZone };
  const retention = (name: string, raw: RawRetention): ComparableCase => {
    const query: RetentionQuery = {
      period: "week",
      from: window.firstWeek,
      to: window.today,
      startEvent: raw.startEvent,
      returnEvent: raw.returnEvent,
      mode: raw.mode,
      cumulative: false,
      breakdown: null,
    };
    return {
      name,
      rollup: async (db) =>
        retentionFromRollup(await asTheProductRuns(db, (tx) => computeRetention(tx, scope, query, now))),
      rawSql: (source) => rawRetentionSql(source, window, raw),
      fromRaw: (rows) => retentionFromRaw(rows, "week"),
    };
  };
  return [
    retention("Retention, 52 weekly first-time cohorts, $any → $any", {
      mode: "first_time",
      startEvent: ANY_EVENT,
      returnEvent: ANY_EVENT,
    }),
    retention("Retention, 52 weekly recurring cohorts, $any → $any", {
      mode: "recurring",
      startEvent: ANY_EVENT,
      returnEvent: ANY_EVENT,
    }),
    retention("Retention, 52 weekly first-time cohorts, Signed Up → Order Completed", {
      mode: "first_time",
      startEvent: "Signed Up",
      returnEvent: "Order Completed",
    }),
    {
      name: "Lifecycle, 52 weeks, $any",
      rollup: async (db) =>
        lifecycleFromRollup(
          (
            await asTheProductRuns(db, (tx) =>
              computeLifecycle(
                tx,
                scope,
                { period: "week", from: window.firstWeek, to: window.today, event: ANY_EVENT },
                now,
              ),
            )
          ).periods,
        ),
      rawSql: (source) => rawLifecycleSql(source, window),
      fromRaw: (rows) => lifecycleFromRaw(rows, window.firstWeek, window.lastWeek),
    },
  ];
}
