"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type LtvCacPoint = { label: string; ltvToCac: number | null };

/** The usual guide: a customer should bring in at least three times what acquiring them cost. */
export const LTV_CAC_GUIDE = 3;

/** LTV:CAC per period against the 3× guide line. Periods without a CAC entry are gaps, not zeros. */
export function LtvCacChart({ points }: { points: LtvCacPoint[] }) {
  const highest = Math.max(LTV_CAC_GUIDE, ...points.map((p) => p.ltvToCac ?? 0));
  const data = points.map((p) => ({ ...p, ltvToCac: p.ltvToCac === null ? null : Math.round(p.ltvToCac * 100) / 100 }));
  return (
    <div className="h-64 w-full" role="img" aria-label={`LTV:CAC per period against the ${LTV_CAC_GUIDE}× guide line`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={12} />
          <YAxis
            fontSize={11}
            stroke="#64748b"
            tickLine={false}
            width={44}
            domain={[0, Math.ceil(highest * 1.15)]}
            tickFormatter={(v: number) => `${v}×`}
          />
          <Tooltip formatter={(value) => (value === null ? "—" : `${Number(value).toFixed(1)}×`)} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <ReferenceLine
            y={LTV_CAC_GUIDE}
            stroke="#16a34a"
            strokeDasharray="6 4"
            label={{ value: `${LTV_CAC_GUIDE}× guide`, position: "insideTopRight", fontSize: 11, fill: "#15803d" }}
          />
          <Line
            dataKey="ltvToCac"
            name="LTV:CAC"
            stroke="#2f6fed"
            strokeWidth={2.5}
            // Filled dots: a period between two without CAC has no line to it, only its dot.
            dot={{ r: 4, fill: "#2f6fed" }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
