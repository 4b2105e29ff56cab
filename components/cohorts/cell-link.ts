/** A cohort cell in the URL: `cell=<cohort start>~<offset>~<breakdown group>` (the group may be empty). */
export type CellRef = { cohort: string; offset: number; breakdown: string | null };

export function cellParam(cell: CellRef): string {
  return `${cell.cohort}~${cell.offset}~${cell.breakdown ?? ""}`;
}

export function parseCellParam(value: string | undefined): CellRef | null {
  if (!value) return null;
  const [cohort, offset, ...rest] = value.split("~");
  const k = Number(offset);
  if (!cohort || !/^\d{4}-\d{2}-\d{2}$/.test(cohort) || !Number.isInteger(k) || k < 0) return null;
  const breakdown = rest.join("~");
  return { cohort, offset: k, breakdown: breakdown === "" ? null : breakdown };
}
