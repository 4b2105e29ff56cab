/** Labels for the breakdown groups that are not a trait value (METRICS.md: top 10, "Other", "(none)"). */
export const OTHER = "Other";
export const NONE = "(none)";
export const TOP_BREAKDOWN_VALUES = 10;

/**
 * Maps each trait value to its group: the 10 values with the most cohort members keep their name, the rest
 * become "Other", a missing value "(none)". Ties break by value so the grouping is stable.
 */
export function breakdownGrouping(sizeByValue: Map<string | null, number>): (value: string | null) => string {
  const ranked = [...sizeByValue.entries()]
    .filter((entry): entry is [string, number] => entry[0] !== null)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_BREAKDOWN_VALUES)
    .map(([value]) => value);
  const top = new Set(ranked);
  return (value) => (value === null ? NONE : top.has(value) ? value : OTHER);
}

/** Group order for display: the top values by size, then Other, then (none). */
export function breakdownOrder(groups: Map<string, number>): string[] {
  const special = (g: string) => (g === OTHER ? 1 : g === NONE ? 2 : 0);
  return [...groups.entries()]
    .sort((a, b) => special(a[0]) - special(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([group]) => group);
}
