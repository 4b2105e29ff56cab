"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type DailyTotal = { label: string; events: number; today: boolean };

/**
 * All events per day, a glance at the shape of the last two weeks above the per-event table. Today's bar is
 * paler: the day is not over, so it is shorter by design.
 */
export function VolumeChart({ totals }: { totals: DailyTotal[] }) {
  return (
    <div className="h-44 w-full" role="img" aria-label="Events per day, all event names together">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={totals} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} stroke="#64748b" />
          <YAxis tickLine={false} axisLine={false} fontSize={11} width={48} stroke="#64748b" allowDecimals={false} />
          <Tooltip
            formatter={(value) => [Number(value).toLocaleString("en-US"), "Events"]}
            cursor={{ fill: "#f1f5f9" }}
          />
          <Bar dataKey="events" radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {totals.map((t) => (
              <Cell key={t.label} fill={t.today ? "#93b4f5" : "#2f6fed"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
