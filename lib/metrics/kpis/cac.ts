import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { MetricContext, MetricSettings } from "@/lib/metrics/settings";
import { addDays, type DateRange, type LocalDate, monthStart, periodsTable } from "./period";
import { signupsCte } from "./signups";

export type AcquisitionCost = {
  /** Spend / customers acquired over the months below; null without CAC entries or acquired customers. */
  cac: number | null;
  spend: number;
  customersAcquired: number;
  /** The months (YYYY-MM) of P that have CAC entries in settings. */
  months: string[];
};

type CacEntry = MetricSettings["cac"][number];

/** The calendar months P touches, as YYYY-MM. */
export function monthsOf(period: DateRange): string[] {
  const months: string[] = [];
  for (let m = monthStart(period.from); m <= period.to; m = monthStart(m, 1)) months.push(m.slice(0, 7));
  return months;
}

/**
 * The entries that make up a month's acquisition cost: its workspace-wide entries (channel empty) when there
 * are any, else its per-channel entries. A workspace-wide entry is the month's total, so channel entries next
 * to it are a breakdown of the same spend and are not added again.
 */
function entriesOfMonth(entries: readonly CacEntry[], month: string): CacEntry[] {
  const ofMonth = entries.filter((e) => e.month === month);
  const total = ofMonth.filter((e) => e.channel === null);
  return total.length > 0 ? total : ofMonth;
}

/**
 * CAC over P (METRICS.md "LTV:CAC"): Σ spend / Σ customers acquired over the calendar months P touches that have
 * entries in settings. An entry without a customer count counts the customers who signed up that month (on
 * its channel: the customers' `acquisition_channel` trait), as settings describe.
 */
export async function acquisitionCosts(
  db: Db,
  context: MetricContext,
  periods: readonly DateRange[],
): Promise<AcquisitionCost[]> {
  const entries = context.settings.cac;
  const monthsPerPeriod = periods.map((p) => monthsOf(p).filter((m) => entriesOfMonth(entries, m).length > 0));
  const needSignups = [
    ...new Set(
      monthsPerPeriod.flat().filter((m) => entriesOfMonth(entries, m).some((e) => e.customersAcquired === null)),
    ),
  ].sort();
  const signups = await signupsByMonthAndChannel(db, context, needSignups);

  return monthsPerPeriod.map((months) => {
    let spend = 0;
    let acquired = 0;
    for (const month of months) {
      for (const entry of entriesOfMonth(entries, month)) {
        spend += entry.spend;
        acquired += entry.customersAcquired ?? signups.get(signupKey(month, entry.channel)) ?? 0;
      }
    }
    return {
      cac: months.length === 0 || acquired === 0 ? null : spend / acquired,
      spend,
      customersAcquired: acquired,
      months,
    };
  });
}

function signupKey(month: string, channel: string | null): string {
  return `${month}|${channel ?? ""}`;
}

/** Signups per month (key "YYYY-MM|"), and per month and acquisition channel ("YYYY-MM|channel"). */
async function signupsByMonthAndChannel(
  db: Db,
  context: MetricContext,
  months: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (months.length === 0) return counts;
  const periods: DateRange[] = months.map((m) => {
    const first: LocalDate = `${m}-01`;
    return { from: first, to: addDays(monthStart(first, 1), -1) };
  });
  const result = await rows<{ idx: number; channel: string | null; signups: number }>(
    db,
    sql`
      with periods as (${periodsTable(periods, context.timeZone)}),
      signups as (${signupsCte(context)})
      select p.idx, c.traits->>'acquisition_channel' as channel, count(*)::int as signups
      from signups s
      join periods p on s.signed_up_at >= p.start_at and s.signed_up_at < p.end_at
      join customers c on c.workspace_id = ${context.workspaceId} and c.id = s.customer_id
      group by p.idx, c.traits->>'acquisition_channel'
    `,
  );
  for (const r of result) {
    const month = months[Number(r.idx)];
    if (month === undefined) continue;
    const n = Number(r.signups);
    counts.set(signupKey(month, null), (counts.get(signupKey(month, null)) ?? 0) + n);
    if (r.channel !== null) counts.set(signupKey(month, r.channel), (counts.get(signupKey(month, r.channel)) ?? 0) + n);
  }
  return counts;
}

/** LTV:CAC; null when either is undefined. Shown next to the ≥ 3 guide line. */
export function ltvToCac(ltv: number | null, cac: number | null): number | null {
  return ltv === null || cac === null || cac === 0 ? null : ltv / cac;
}
