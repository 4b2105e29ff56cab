"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type LifecycleBar = {
  start: string;
  complete: boolean;
  new: number;
  returning: number;
  resurrecting: number;
  dormant: number;
};

export const STATUS_COLORS = {
  new: "#2f6fed",
  returning: "#14b8a6",
  resurrecting: "#eab308",
  dormant: "#ef4444",
} as const;
const STATUSES = ["new", "returning", "resurrecting", "dormant"] as const;

/**
 * Stacked bars per period: new, returning and resurrecting customers above zero, dormant ones below it.
 * Clicking a segment opens the list of its customers (the table under the chart offers the same by keyboard).
 */
export function LifecycleChart({ periods, hrefFor }: { periods: LifecycleBar[]; hrefFor: Record<string, string> }) {
  const router = useRouter();
  const data = periods.map((p) => ({ ...p, dormant: -p.dormant }));
  return (
    <div
      className="h-80 w-full"
      role="img"
      aria-label="Lifecycle: new, returning, resurrecting and dormant customers per period"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="start" fontSize={11} stroke="#64748b" tickLine={false} />
          <YAxis fontSize={11} stroke="#64748b" tickLine={false} width={52} allowDecimals={false} />
          <Tooltip formatter={(value, name) => [Math.abs(Number(value)).toLocaleString("en-US"), String(name)]} />
          <Legend
            wrapperStyle={{ fontSize: 11 }}
            itemSorter={(item) => STATUSES.indexOf(item.value as (typeof STATUSES)[number])}
          />
          <ReferenceLine y={0} stroke="#94a3b8" />
          {STATUSES.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={status}
              stackId="lifecycle"
              fill={STATUS_COLORS[status]}
              isAnimationActive={false}
              cursor="pointer"
              legendType="square"
              onClick={(entry) => {
                const start = (entry as { payload?: { start?: string } }).payload?.start;
                const href = start ? hrefFor[`${start}~${status}`] : undefined;
                if (href) router.push(href, { scroll: false });
              }}
            >
              {data.map((p) => (
                // The running period is paler: its numbers are not final yet.
                <Cell key={p.start} fillOpacity={p.complete ? 1 : 0.45} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
