"use client";

import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";

/** A tiny trend line under a KPI: the shape matters here, the axis does not. Gaps stay gaps. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const data = values.map((value, i) => ({ i, value }));
  if (values.every((v) => v === null)) return <div className="h-10" />;
  return (
    <div className="h-10 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis hide domain={["dataMin", "dataMax"]} />
          <Line
            dataKey="value"
            stroke="#2f6fed"
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
