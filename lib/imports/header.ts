import type { CsvRecord } from "./csv";

/**
 * The first record of an import file names the columns. Names are trimmed; an empty name becomes
 * "Column N" and a repeated one gets " (2)", so every column can be shown and mapped on its own.
 */
export type HeaderedFile = { header: string[]; rows: CsvRecord[] };

export function splitHeader(records: readonly CsvRecord[]): HeaderedFile {
  const [first, ...rows] = records;
  return { header: columnNames(first?.cells ?? []), rows };
}

export function columnNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

// A header cell is a name; these look like values instead.
const VALUE_LIKE = [/^[-+]?[\d.,]+$/, /^\d{4}-\d{2}-\d{2}/, /^[^\s@]+@[^\s@]+\.[^\s@]+$/];

/**
 * True when the first line looks like data (a number, a date or an email address in it), which means the
 * file most likely has no header line and its first customer would be read as column names.
 */
export function headerLooksLikeData(cells: readonly string[]): boolean {
  return cells.some((cell) => VALUE_LIKE.some((pattern) => pattern.test(cell.trim())));
}
