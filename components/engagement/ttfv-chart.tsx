"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TtfvCohort = { label: string; medianSeconds: number | null; p90Seconds: number | null };

const HOUR = 3600;
const DAY = 86_400;

/**
 * Median and p90 time to first value per signup cohort, side by side. The unit (hours or days) follows the
 * largest p90 so the axis reads in small numbers. A cohort nobody in activated has no bar (not a zero bar).
 */
export function TtfvChart({ cohorts }: { cohorts: TtfvCohort[] }) {
  const longest = Math.max(0, ...cohorts.map((c) => c.p90Seconds ?? c.medianSeconds ?? 0));
  const unit = longest >= 2 * DAY ? { size: DAY, name: "days", short: "d" } : { size: HOUR, name: "hours", short: "h" };
  const inUnit = (s: number | null) => (s === null ? null : Math.round((s / unit.size) * 10) / 10);
  const data = cohorts.map((c) => ({ label: c.label, median: inUnit(c.medianSeconds), p90: inUnit(c.p90Seconds) }));
  return (
    <div
      className="h-72 w-full"
      role="img"
      aria-label={`Time to first value per signup cohort, median and p90, in ${unit.name}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={8} />
          <YAxis fontSize={11} stroke="#64748b" tickLine={false} width={48} unit={` ${unit.short}`} />
          <Tooltip formatter={(value, name) => [value === null ? "—" : `${value} ${unit.name}`, String(name)]} />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={(item) => (item.value === "Median" ? 0 : 1)} />
          <Bar dataKey="median" name="Median" fill="#2f6fed" isAnimationActive={false} />
          <Bar dataKey="p90" name="90th percentile" fill="#93c5fd" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
