import "server-only";
import type { Db } from "@/lib/db/client";
import { Invalid } from "@/lib/errors";
import { autoMap } from "./auto-map";
import { chunkRows } from "./chunks";
import { type ImportTarget, importRows } from "./import-rows";
import type { ColumnMapping } from "./mapping";
import { addOutcome, emptyOutcome, type ImportOutcome } from "./outcome";
import { readImportFile } from "./read-file";
import type { ImportKind } from "./targets";

/**
 * A whole CSV text imported on the server, chunk by chunk, exactly as the page sends it: for tests, benchmarks
 * and scripts. The mapping defaults to the automatic one.
 */
export async function importCsvText(
  db: Db,
  target: ImportTarget,
  kind: ImportKind,
  text: string,
  options: { mapping?: ColumnMapping[]; chunkSize?: number; onChunk?: (rowsDone: number) => void } = {},
): Promise<ImportOutcome> {
  const file = readImportFile(text);
  if (file.header.length === 0) throw new Invalid("The file is empty.");
  const mapping = options.mapping ?? autoMap(kind, file.header);
  const total = emptyOutcome();
  let rowsDone = 0;
  for (const rows of chunkRows(file.rows, file.header.length, options.chunkSize)) {
    addOutcome(total, await importRows(db, target, kind, { header: file.header, mapping, rows }));
    rowsDone += rows.length;
    options.onChunk?.(rowsDone);
  }
  return total;
}
