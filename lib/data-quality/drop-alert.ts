import type { EventVolume } from "./volume";

/**
 * The volume drop alert, exactly (all days and clock times in the workspace's time zone):
 *
 * - baseline: the 7 complete calendar days before today;
 * - it applies only to events that usually arrive: at least 20 a day on average over the baseline
 *   (the baseline's total divided by 7, days without events counting as 0);
 * - expected so far = the average, over the baseline days, of how many had arrived by the current wall-clock
 *   time on that day (at 09:30 today: the mean of each baseline day's count from midnight to 09:30). Comparing
 *   the same hours of the day keeps the quiet night hours, and the morning and evening peaks, out of the
 *   comparison;
 * - it raises when today's count so far is strictly below 50% of expected so far, and only once at least 10
 *   events were expected by now, so a quiet early morning (few expected) never alarms.
 *
 * Example: 40 a day, all before noon on each baseline day: at noon 40 are expected; 19 raise the alert, 20 do
 * not.
 */
export const DROP_ALERT_RULE = {
  baselineDays: 7,
  minDailyAverage: 20,
  minExpectedSoFar: 10,
  threshold: 0.5,
} as const;

export type VolumeDrop = {
  name: string | null;
  todayCount: number;
  dailyAverage: number;
  expectedSoFar: number;
};

/** What one event's baseline days looked like: whole-day counts and counts by the current time of day. */
export type Baseline = { totals: readonly number[]; byNow: readonly number[] };

/** The alert for one event. The baseline's arrays list days oldest first; only the last 7 count. */
export function volumeDrop(baseline: Baseline, todayCount: number): Omit<VolumeDrop, "name"> | null {
  const rule = DROP_ALERT_RULE;
  const mean = (days: readonly number[]) =>
    days.slice(-rule.baselineDays).reduce((sum, n) => sum + n, 0) / rule.baselineDays;
  const dailyAverage = mean(baseline.totals);
  if (dailyAverage < rule.minDailyAverage) return null;
  const expectedSoFar = mean(baseline.byNow);
  if (expectedSoFar < rule.minExpectedSoFar) return null;
  if (todayCount >= rule.threshold * expectedSoFar) return null;
  return { todayCount, dailyAverage, expectedSoFar };
}

/** Every event of the volume table whose count today is far below its usual pace, biggest shortfall first. */
export function volumeDrops(volume: EventVolume): VolumeDrop[] {
  const drops: VolumeDrop[] = [];
  for (const row of volume.rows) {
    if (row.counts.length <= DROP_ALERT_RULE.baselineDays) continue;
    const baseline = { totals: row.counts.slice(0, -1), byNow: row.countsByNow.slice(0, -1) };
    const drop = volumeDrop(baseline, row.countsByNow.at(-1) ?? 0);
    if (drop) drops.push({ name: row.name, ...drop });
  }
  return drops.sort((a, b) => b.expectedSoFar - b.todayCount - (a.expectedSoFar - a.todayCount));
}
