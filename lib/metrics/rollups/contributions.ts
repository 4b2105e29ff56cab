import { addPeriods, type Period } from "../periods";

/** Periods with a maintained cohort and lifecycle matrix; days fall back to the per-request query. */
export const ROLLUP_PERIODS = ["week", "month"] as const satisfies readonly Period[];
export type RollupPeriod = (typeof ROLLUP_PERIODS)[number];

export function isRollupPeriod(period: Period): period is RollupPeriod {
  return (ROLLUP_PERIODS as readonly Period[]).includes(period);
}

/** A period in which the customer had any event; `active` when one was a track, page or screen event. */
export type PeriodActivity = { start: string; active: boolean };

export type RetentionMeasure = "size" | "on" | "last";
export type CellKey =
  | { table: "retention"; mode: "first_time" | "recurring"; measure: RetentionMeasure; cohort: string; p: string }
  | { table: "lifecycle"; status: "new" | "returning" | "resurrecting" | "dormant"; p: string };

/**
 * What one customer adds to the matrices of one period kind, as key → count (each key at most once: a
 * customer is counted once per cell). The matrices are the sums of these over all customers, so a write
 * that changes a customer's periods subtracts the old contribution and adds the new one.
 *
 * Definitions (METRICS.md "Cohort retention" and "Lifecycle", with start event "any event" and return
 * event "any active event"):
 * - first_time: the cohort is the customer's first period with any event;
 * - recurring: every period with any event is a cohort the customer belongs to;
 * - on: counted in each later period with an active event; last: counted once, at the latest such period;
 * - lifecycle over active periods: new at the first, returning when the previous period was active,
 *   resurrecting otherwise, dormant in the period after an active one that is not itself active.
 */
export function contributions(periods: readonly PeriodActivity[], period: RollupPeriod): Map<string, number> {
  return addContributions(new Map(), periods, period, 1);
}

/**
 * Adds `sign` × the customer's contribution into `total` (the same keys as contributions()). A refresh
 * subtracts each customer's old contribution and adds the new one into one delta, instead of building both
 * maps and their difference per customer (three maps per customer and period kind on every ingest batch).
 */
export function addContributions(
  total: Map<string, number>,
  periods: readonly PeriodActivity[],
  period: RollupPeriod,
  sign: 1 | -1,
  options: { recurringReturns?: boolean } = {},
): Map<string, number> {
  // Runs for every customer an ingest batch touches, twice (old and new), with a cohort × active-period
  // loop: keys are built as the strings cellKey() gives, without an object per cell.
  const add = (k: string) => total.set(k, (total.get(k) ?? 0) + sign);
  const sorted = [...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const active = sorted.filter((x) => x.active).map((x) => x.start);
  const lastActive = active.at(-1);
  const first = sorted[0];
  if (first) {
    const cohort = first.start;
    add(`retention|first_time|size|${cohort}|${cohort}`);
    for (const p of active) if (p > cohort) add(`retention|first_time|on|${cohort}|${p}`);
    if (lastActive !== undefined && lastActive > cohort) add(`retention|first_time|last|${cohort}|${lastActive}`);
  }
  const recurringReturns = options.recurringReturns ?? true;
  for (const { start: cohort } of sorted) {
    add(`retention|recurring|size|${cohort}|${cohort}`);
    if (recurringReturns) for (const p of active) if (p > cohort) add(`retention|recurring|on|${cohort}|${p}`);
    if (lastActive !== undefined && lastActive > cohort) add(`retention|recurring|last|${cohort}|${lastActive}`);
  }
  active.forEach((p, i) => {
    const previous = active[i - 1];
    const status =
      previous === undefined ? "new" : previous === neighbour(p, period, -1) ? "returning" : "resurrecting";
    add(`lifecycle|${status}|${p}`);
    const next = neighbour(p, period, 1);
    if (active[i + 1] !== next) add(`lifecycle|dormant|${next}`);
  });
  return total;
}

/**
 * Adds contribution(after) − contribution(before) into `total`, for a customer whose periods only grew: every
 * period of `before` is in `after`, and every active one is still active (what newly stored events do). The
 * recurring "on" cells are the one part that grows with cohorts × active periods (a customer active for two
 * years has ~5,000), so only the pairs the new periods create are added; the linear parts are subtracted and
 * added whole.
 */
export function addContributionGrowth(
  total: Map<string, number>,
  before: readonly PeriodActivity[],
  after: readonly PeriodActivity[],
  period: RollupPeriod,
): Map<string, number> {
  addContributions(total, before, period, -1, { recurringReturns: false });
  addContributions(total, after, period, 1, { recurringReturns: false });
  const old = new Map(before.map((x) => [x.start, x.active]));
  const cohorts = after.map((x) => x.start);
  const add = (cohort: string, p: string) => {
    const k = `retention|recurring|on|${cohort}|${p}`;
    total.set(k, (total.get(k) ?? 0) + 1);
  };
  // A pair (cohort c, active p > c) is new when p was not active before, or else when c is a new period.
  for (const { start: p, active } of after) {
    if (!active) continue;
    if (old.get(p) === true) {
      for (const c of cohorts) if (c < p && !old.has(c)) add(c, p);
    } else {
      for (const c of cohorts) if (c < p) add(c, p);
    }
  }
  return total;
}

const neighbours = new Map<string, string>();

/** addPeriods(start, period, ±1), remembered: the same few hundred period starts recur on every batch. */
function neighbour(start: string, period: RollupPeriod, n: 1 | -1): string {
  const key = `${period}|${n}|${start}`;
  let found = neighbours.get(key);
  if (found === undefined) {
    found = addPeriods(start, period, n);
    if (neighbours.size > 100_000) neighbours.clear();
    neighbours.set(key, found);
  }
  return found;
}

type RetentionCell = Extract<CellKey, { table: "retention" }>;

export function cellKey(key: CellKey): string {
  return key.table === "retention"
    ? `retention|${key.mode}|${key.measure}|${key.cohort}|${key.p}`
    : `lifecycle|${key.status}|${key.p}`;
}

export function parseCellKey(text: string): CellKey {
  const parts = text.split("|");
  if (parts[0] === "retention") {
    const [, mode, measure, cohort, p] = parts as [string, RetentionCell["mode"], RetentionMeasure, string, string];
    return { table: "retention", mode, measure, cohort, p };
  }
  const [, status, p] = parts as [string, Extract<CellKey, { table: "lifecycle" }>["status"], string];
  return { table: "lifecycle", status, p };
}
