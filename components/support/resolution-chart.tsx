"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ResolutionPoint = {
  label: string;
  /** Medians in hours; null when no ticket of the period has the duration. */
  firstResponse: number | null;
  firstResolution: number | null;
  fullResolution: number | null;
};

const LINES = [
  { key: "firstResponse", name: "First response", color: "#14b8a6" },
  { key: "firstResolution", name: "First resolution", color: "#2f6fed" },
  { key: "fullResolution", name: "Full resolution", color: "#a855f7" },
] as const;

/** Median response and resolution times per period, in hours. */
export function ResolutionChart({ points, unit }: { points: ResolutionPoint[]; unit: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={`Median response and resolution times per period, in ${unit}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={12} />
          <YAxis fontSize={11} stroke="#64748b" tickLine={false} width={48} unit=" h" />
          <Tooltip formatter={(value) => [`${Number(value).toFixed(1)} h`]} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {LINES.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
