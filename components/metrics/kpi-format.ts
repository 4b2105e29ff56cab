import { formatMoney } from "@/lib/format";

/** "—" for an undefined KPI (no denominator): never 0, never ∞ (docs/metrics.md "KPIs"). */
export const UNDEFINED_VALUE = "—";

export function formatRate(rate: number | null, digits = 1): string {
  if (rate === null || !Number.isFinite(rate)) return UNDEFINED_VALUE;
  return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(rate * 100)}%`;
}

/** Amounts under 1,000 keep their cents (an AOV of $36.25 is not $36); larger ones read better whole. */
export function formatMoneyOrDash(value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return UNDEFINED_VALUE;
  if (Math.abs(value) >= 1000) return formatMoney(value, currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2 }).format(value);
}

export function formatRatio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? UNDEFINED_VALUE : `${value.toFixed(1)}×`;
}

/** Durations read best in the largest unit that keeps a small number: minutes, hours, then days. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return UNDEFINED_VALUE;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 24 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

export type Change = { text: string; direction: "up" | "down" | "flat" };

/** Relative change of an amount against the previous period ("+12% vs previous"); none without a previous. */
export function relativeChange(value: number | null, previous: number | null): Change | null {
  if (value === null || previous === null || previous === 0) return null;
  const change = (value - previous) / Math.abs(previous);
  return { text: `${signed(change * 100, 1)}%`, direction: direction(change) };
}

/** Change of a rate in percentage points: a churn going from 5% to 6% is +1.0 pt, not +20%. */
export function pointChange(value: number | null, previous: number | null): Change | null {
  if (value === null || previous === null) return null;
  const points = (value - previous) * 100;
  return { text: `${signed(points, 1)} pts`, direction: direction(points) };
}

/** Change of a ratio (LTV:CAC) or a duration, in its own unit. */
export function absoluteChange(
  value: number | null,
  previous: number | null,
  format: (difference: number) => string,
): Change | null {
  if (value === null || previous === null) return null;
  const difference = value - previous;
  return { text: `${difference >= 0 ? "+" : "−"}${format(Math.abs(difference))}`, direction: direction(difference) };
}

function signed(value: number, digits: number): string {
  const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    Math.abs(value),
  );
  return `${value >= 0 ? "+" : "−"}${text}`;
}

function direction(value: number): Change["direction"] {
  return Math.abs(value) < 1e-9 ? "flat" : value > 0 ? "up" : "down";
}
