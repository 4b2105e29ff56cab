"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Curve = { key: string; label: string; points: (number | null)[]; emphasis?: boolean };

const COLORS = [
  "#2f6fed",
  "#0ea5e9",
  "#14b8a6",
  "#22c55e",
  "#eab308",
  "#f97316",
  "#ef4444",
  "#a855f7",
  "#ec4899",
  "#64748b",
];

/** Retention curves: share of each cohort (or breakdown group) still returning k periods later, plus the mean. */
export function RetentionCurves({ curves, periodLabel }: { curves: Curve[]; periodLabel: string }) {
  const length = Math.max(0, ...curves.map((c) => c.points.length));
  const data = Array.from({ length }, (_, k) => {
    const row: Record<string, number | null | string> = { offset: `${periodLabel} ${k}` };
    for (const c of curves) {
      const v = c.points[k];
      row[c.key] = v === null || v === undefined ? null : Math.round(v * 1000) / 10;
    }
    return row;
  });
  return (
    <div className="h-72 w-full" role="img" aria-label="Retention curves, percent of cohort by period since start">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="offset" fontSize={11} stroke="#64748b" tickLine={false} />
          <YAxis unit="%" fontSize={11} stroke="#64748b" tickLine={false} width={44} domain={[0, 100]} />
          <Tooltip formatter={(value) => (value === null ? "—" : `${value}%`)} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {curves.map((c, i) => (
            <Line
              key={c.key}
              dataKey={c.key}
              name={c.label}
              stroke={c.emphasis ? "#0f172a" : COLORS[i % COLORS.length]}
              strokeWidth={c.emphasis ? 3 : 1.5}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
