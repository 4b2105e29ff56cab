/** Series colours for categories and channels, in the order the report lists them (most tickets first). */
const PALETTE = ["#2f6fed", "#f97316", "#14b8a6", "#a855f7", "#ef4444", "#eab308", "#64748b", "#ec4899"];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? "#64748b";
}
