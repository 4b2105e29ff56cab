import { REJECTED_FILE_COLUMNS } from "./auto-map";
import type { CsvRecord } from "./csv";
import { toCsv } from "./csv-write";
import type { RejectedRow } from "./outcome";

/**
 * The rejected rows as a CSV to fix and import again: the line and the problem first, then the row as it
 * was. The two extra columns are ignored by the automatic mapping when that file comes back.
 */
export function rejectedRowsCsv(
  header: readonly string[],
  rows: readonly CsvRecord[],
  rejected: readonly RejectedRow[],
): string {
  const byLine = new Map(rows.map((r) => [r.line, r.cells]));
  return toCsv([
    [...REJECTED_FILE_COLUMNS, ...header],
    ...rejected.map((r) => [String(r.line), r.message, ...(byLine.get(r.line) ?? [])]),
  ]);
}
