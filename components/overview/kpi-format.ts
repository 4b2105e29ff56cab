/** How each kind of KPI value reads on a card, and how its change against the previous period is worded. */
export type KpiKind = "rate" | "money" | "nps" | "duration" | "ratio";

export function formatKpi(value: number | null, kind: KpiKind, currency: string): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (kind) {
    case "rate":
      return `${(value * 100).toFixed(1)}%`;
    case "money":
      return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 2 }).format(value);
    case "nps":
      return value.toFixed(0);
    case "ratio":
      return `${value.toFixed(1)}×`;
    case "duration":
      return formatDuration(value);
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

/**
 * The change from the previous period: percentage points for rates, points for NPS, percent for amounts.
 * `better` says whether the change is good news (higher is better unless `lowerIsBetter`).
 */
export function describeChange(
  value: number | null,
  previous: number | null,
  kind: KpiKind,
  lowerIsBetter = false,
): { text: string; better: boolean | null } {
  if (value === null || previous === null) return { text: "no previous value", better: null };
  const diff = value - previous;
  if (Math.abs(diff) < 1e-9) return { text: "no change", better: null };
  const sign = diff > 0 ? "+" : "−";
  const better = lowerIsBetter ? diff < 0 : diff > 0;
  if (kind === "rate") return { text: `${sign}${Math.abs(diff * 100).toFixed(1)} pts`, better };
  if (kind === "nps") return { text: `${sign}${Math.abs(diff).toFixed(0)} pts`, better };
  if (previous === 0) return { text: `${sign}${formatKpi(Math.abs(diff), kind, "USD")}`, better };
  return { text: `${sign}${Math.abs((diff / Math.abs(previous)) * 100).toFixed(1)}%`, better };
}
