/**
 * Results reduced to sorted text lines ("2026-03-02 +3 1234"), so the rollup, the raw PostgreSQL query and
 * DuckDB can be compared exactly and the first difference printed as it reads.
 */
import type { LifecyclePeriod } from "@/lib/metrics/lifecycle";
import { type Period, periodStarts, periodsBetween } from "@/lib/metrics/periods";
import type { RetentionResult } from "@/lib/metrics/retention";

export type Canonical = string[];
export type RawRow = Record<string, unknown>;

/** Cohort sizes and non-zero cells ("on" counts; zero cells are simply absent on the raw side). */
export function retentionFromRollup(result: RetentionResult): Canonical {
  const lines: string[] = [];
  for (const cohort of result.cohorts) {
    if (cohort.size > 0) lines.push(`${cohort.start} size ${cohort.size}`);
    cohort.values.forEach((n, k) => {
      if (k >= 1 && n > 0) lines.push(`${cohort.start} +${k} ${n}`);
    });
  }
  return lines.sort();
}

export function retentionFromRaw(rows: readonly RawRow[], period: Period): Canonical {
  return rows
    .map((r) => {
      const cohort = String(r.cohort);
      const n = Number(r.n);
      return r.kind === "size"
        ? `${cohort} size ${n}`
        : `${cohort} +${periodsBetween(cohort, String(r.p), period)} ${n}`;
    })
    .sort();
}

function lifecycleLine(p: Omit<LifecyclePeriod, "complete">): string {
  return `${p.start} new ${p.new} returning ${p.returning} resurrecting ${p.resurrecting} dormant ${p.dormant}`;
}

export function lifecycleFromRollup(periods: readonly LifecyclePeriod[]): Canonical {
  return periods.map(lifecycleLine).sort();
}

export function lifecycleFromRaw(rows: readonly RawRow[], firstWeek: string, lastWeek: string): Canonical {
  const byWeek = new Map(
    periodStarts(firstWeek, lastWeek, "week").map((start) => [
      start,
      { start, new: 0, returning: 0, resurrecting: 0, dormant: 0 },
    ]),
  );
  for (const r of rows) {
    const week = byWeek.get(String(r.p));
    const status = String(r.status) as "new" | "returning" | "resurrecting" | "dormant";
    if (!week) throw new Error(`raw lifecycle returned a week outside the window: ${String(r.p)}`);
    week[status] += Number(r.n);
  }
  return [...byWeek.values()].map(lifecycleLine).sort();
}

/** null when equal, else a description of the first line that differs between `a` and `b`. */
export function firstDifference(a: Canonical, b: Canonical): string | null {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i])
      return `line ${i + 1} of ${a.length}/${b.length}: "${a[i] ?? "(none)"}" vs "${b[i] ?? "(none)"}"`;
  }
  return null;
}
