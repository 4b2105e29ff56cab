import type { RetentionResult } from "./retention";

/** One CSV field: quoted when needed, and defused when a spreadsheet would read it as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The cohort table as CSV: counts per offset (empty where the period has not started) and the mean row. */
export function retentionCsv(result: RetentionResult): string {
  const offsets = Math.max(1, ...result.cohorts.map((c) => c.values.length));
  const header = [
    "cohort_start",
    "breakdown",
    "size",
    ...Array.from({ length: offsets }, (_, k) => `${result.period}_${k}`),
  ];
  const lines = [header.join(",")];
  for (const c of result.cohorts) {
    const cells = Array.from({ length: offsets }, (_, k) => csvField(c.values[k] ?? null));
    lines.push([csvField(c.start), csvField(c.breakdown), csvField(c.size), ...cells].join(","));
  }
  const mean = Array.from({ length: offsets }, (_, k) => {
    const m = result.mean[k];
    return m === undefined || m === null ? "" : m.toFixed(4);
  });
  lines.push(["weighted_mean", "", "", ...mean].join(","));
  return `${lines.join("\n")}\n`;
}
