"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { compactMoney, exactMoney } from "./chart-format";
import { LOSSES, MOVEMENT_COLORS, MOVEMENTS } from "./movements";

export type MrrBucket = {
  label: string;
  /** False for the running bucket: drawn paler, its numbers are not final. */
  complete: boolean;
  endMrr: number;
  new: number;
  expansion: number;
  reactivation: number;
  contraction: number;
  churn: number;
};

/**
 * MRR at the end of each bucket (line), and above it the movements that made it: gains stacked above zero,
 * contraction and churn below. Two charts sharing the x axis, because MRR is an order of magnitude above its
 * monthly movements and one y axis would flatten the bars.
 */
export function MrrChart({ buckets, currency }: { buckets: MrrBucket[]; currency: string }) {
  const data = buckets.map((b) => ({ ...b, contraction: -b.contraction, churn: -b.churn }));
  const tick = (value: number) => compactMoney(value, currency);
  const tooltip = (value: unknown, name: unknown) => [exactMoney(Math.abs(Number(value)), currency), String(name)];
  return (
    <div className="space-y-2">
      <div className="h-56 w-full" role="img" aria-label="MRR at the end of each period">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} syncId="mrr">
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={12} />
            <YAxis fontSize={11} stroke="#64748b" tickLine={false} width={64} tickFormatter={tick} />
            <Tooltip formatter={tooltip} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line
              dataKey="endMrr"
              name="MRR (end of period)"
              stroke="#0f172a"
              strokeWidth={2.5}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="h-64 w-full" role="img" aria-label="MRR movements per period: gains above zero, losses below">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 0, left: 8 }} syncId="mrr">
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" fontSize={11} stroke="#64748b" tickLine={false} minTickGap={12} />
            <YAxis fontSize={11} stroke="#64748b" tickLine={false} width={64} tickFormatter={tick} />
            <Tooltip formatter={tooltip} />
            <Legend
              wrapperStyle={{ fontSize: 11 }}
              // Recharts sorts legend entries by name; keep the gains-then-losses order of the stack.
              itemSorter={(item) => MOVEMENTS.findIndex((m) => String(item.value).startsWith(m))}
            />
            <ReferenceLine y={0} stroke="#94a3b8" />
            {MOVEMENTS.map((movement) => (
              <Bar
                key={movement}
                dataKey={movement}
                name={LOSSES.has(movement) ? `${movement} (−)` : movement}
                stackId="movements"
                fill={MOVEMENT_COLORS[movement]}
                legendType="square"
                isAnimationActive={false}
              >
                {data.map((b) => (
                  <Cell key={b.label} fillOpacity={b.complete ? 1 : 0.45} />
                ))}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
