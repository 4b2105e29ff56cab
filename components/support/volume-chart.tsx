"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColor } from "./chart-colors";

export type VolumePoint = { label: string; counts: Record<string, number> };

/** Tickets per period stacked by one dimension (category or channel); the table beside it has the numbers. */
export function VolumeChart({ points, series, label }: { points: VolumePoint[]; series: string[]; label: string }) {
  const data = points.map((p) => ({ label: p.label, ...Object.fromEntries(series.map((s) => [s, p.counts[s] ?? 0])) }));
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={12} />
          <YAxis fontSize={11} stroke="#64748b" tickLine={false} width={40} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {series.map((s, i) => (
            <Bar key={s} dataKey={s} stackId="volume" fill={seriesColor(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
