/**
 * Event properties that the Segment e-commerce spec defines as numbers. A CSV holds text only, and the
 * revenue rollups read `revenue` and `total` as numbers, so these are converted (case-insensitively by key);
 * a value that is not a clear number rejects the row instead of storing revenue nobody can add up.
 */
export const NUMERIC_PROPERTIES: ReadonlySet<string> = new Set([
  "revenue",
  "total",
  "subtotal",
  "discount",
  "tax",
  "shipping",
  "price",
  "quantity",
  "value",
]);

export function isNumericProperty(key: string): boolean {
  return NUMERIC_PROPERTIES.has(key.toLowerCase());
}

// 12, -3.5, $12.50, 12.50 €, 1,234.56 (comma thousands only with groups of three). A lone decimal comma
// (12,50) is refused: in a file it cannot be told apart from a thousands separator.
const AMOUNT = /^([-+])?\s*[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*[$€£]?$/;

export type AmountResult = { ok: true; value: number } | { ok: false };

export function parseAmount(text: string): AmountResult {
  const m = AMOUNT.exec(text.trim());
  if (!m) return { ok: false };
  const value = Number(`${m[1] ?? ""}${(m[2] ?? "").replaceAll(",", "")}${m[3] ?? ""}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
