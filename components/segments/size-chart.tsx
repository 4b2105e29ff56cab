"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";
import type { HistoryPoint } from "./api";

/** Members per day over the last 90 days (the API's history points, end of each local day). */
export function SizeChart({ points }: { points: HistoryPoint[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Segment size per day over the last 90 days">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={24} />
          <YAxis
            fontSize={11}
            stroke="#64748b"
            tickLine={false}
            width={56}
            allowDecimals={false}
            tickFormatter={(v: number) => formatNumber(v)}
          />
          <Tooltip formatter={(value) => [formatNumber(Number(value)), "Members"]} />
          <Area
            type="stepAfter"
            dataKey="members"
            name="Members"
            stroke="#2f6fed"
            fill="#2f6fed"
            fillOpacity={0.15}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
