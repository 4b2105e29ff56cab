import type { CsvRecord } from "./csv";
import { MAX_CELLS, MAX_CHUNK_ROWS } from "./schema";

/** Bodies are kept to about half the server's limit, leaving room for JSON escaping of unusual text. */
const TARGET_CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * Splits a file's rows into request-sized chunks: at most 1,000 rows, and fewer when rows are wide, so that
 * no request comes near the body limit. Cells past the header that are empty are dropped on the way (a
 * spreadsheet's trailing commas), and no row sends more than MAX_CELLS values.
 */
export function chunkRows(rows: readonly CsvRecord[], columns: number, size = MAX_CHUNK_ROWS): CsvRecord[][] {
  const chunks: CsvRecord[][] = [];
  let current: CsvRecord[] = [];
  let chars = 0;
  for (const row of rows) {
    const wire = { line: row.line, cells: wireCells(row.cells, columns) };
    const rowChars = wire.cells.reduce((n, c) => n + c.length + 4, 16);
    if (current.length > 0 && (current.length >= size || chars + rowChars > TARGET_CHUNK_CHARS)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(wire);
    chars += rowChars;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function wireCells(cells: readonly string[], columns: number): string[] {
  let end = cells.length;
  while (end > columns && (cells[end - 1] ?? "").trim() === "") end--;
  return cells.slice(0, Math.min(end, MAX_CELLS));
}
