"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Reach = { label: string; customers: number; rate: number | null };

/**
 * Horizontal bars of customers reaching each step (the onboarding funnel) or using each feature, as a share of
 * signups, each labelled with its percentage and count so the numbers read without hovering.
 */
export function ReachBars({ rows, ariaLabel, color }: { rows: Reach[]; ariaLabel: string; color: string }) {
  const data = rows.map((r) => ({
    ...r,
    percent: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10,
    text: `${r.rate === null ? "—" : `${(r.rate * 100).toFixed(1)}%`} · ${r.customers.toLocaleString("en-US")}`,
  }));
  const longestLabel = Math.max(...rows.map((r) => r.label.length), 8);
  return (
    <div className="w-full" style={{ height: 44 * rows.length + 40 }} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 120, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 100]} unit="%" fontSize={11} stroke="#64748b" tickLine={false} />
          <YAxis
            type="category"
            dataKey="label"
            fontSize={12}
            stroke="#334155"
            tickLine={false}
            width={Math.min(220, longestLabel * 7 + 12)}
          />
          <Tooltip formatter={(_value, _name, item) => [(item.payload as { text: string }).text, "Reached"]} />
          <Bar dataKey="percent" fill={color} isAnimationActive={false} barSize={24}>
            <LabelList dataKey="text" position="right" fontSize={12} fill="#0f172a" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
