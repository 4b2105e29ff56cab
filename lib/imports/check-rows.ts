import type { CsvRecord } from "./csv";
import { readCustomerRow } from "./customer-row";
import { readEventRow } from "./event-row";
import type { CompiledMapping } from "./mapping";
import type { RejectedRow } from "./outcome";
import type { RowResult } from "./row";
import { readTicketRow } from "./ticket-row";

export type RowsCheck = { valid: number; rejected: RejectedRow[] };

/**
 * The import page's check before importing: the same row readers the server runs, over the whole file, so
 * the person sees which lines will be rejected (and why) before anything is stored. The server checks again;
 * this is a preview, not a gate. Yields to the browser every few thousand rows so a 100k-row file keeps the
 * page responsive, and stops early when `cancelled()` says the mapping changed meanwhile.
 */
export async function checkRows(
  mapping: CompiledMapping,
  columns: number,
  rows: readonly CsvRecord[],
  timeZone: string,
  options: { onProgress?: (done: number) => void; cancelled?: () => boolean; sliceSize?: number } = {},
): Promise<RowsCheck | null> {
  const slice = options.sliceSize ?? 5_000;
  const rejected: RejectedRow[] = [];
  let valid = 0;
  for (let start = 0; start < rows.length; start += slice) {
    if (options.cancelled?.()) return null;
    for (const row of rows.slice(start, start + slice)) {
      const read: RowResult<unknown> =
        mapping.kind === "customers"
          ? readCustomerRow(mapping, columns, row.cells, timeZone)
          : mapping.kind === "events"
            ? readEventRow(mapping, columns, row.cells, timeZone)
            : readTicketRow(mapping, columns, row.cells, timeZone);
      if (read.ok) valid++;
      else rejected.push({ line: row.line, ...read.problem });
    }
    options.onProgress?.(Math.min(start + slice, rows.length));
    if (start + slice < rows.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return options.cancelled?.() ? null : { valid, rejected };
}
