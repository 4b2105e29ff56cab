import { z } from "zod";
import { columnMappingSchema } from "./mapping";
import { IMPORT_KINDS } from "./targets";

/**
 * One request of an import: the file's column names, the mapping, and up to 1,000 rows with their CSV line
 * numbers. The page sends a file as a sequence of these; each is committed on its own (see import-rows.ts).
 */
export const MAX_CHUNK_ROWS = 1_000;
export const MAX_COLUMNS = 500;
/** Per row; more values than that is not a row of a table any more. */
export const MAX_CELLS = 1_000;
/** Well under the 10 MB that Next.js buffers for a request when a proxy (proxy.ts) runs in front of it. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

export const importKindSchema = z.enum(IMPORT_KINDS, {
  message: `Import kind must be one of ${IMPORT_KINDS.join(", ")}`,
});

export const importChunkSchema = z.object({
  header: z.array(z.string().max(200, "Column names have at most 200 characters")).min(1).max(MAX_COLUMNS),
  mapping: z.array(columnMappingSchema).max(MAX_COLUMNS),
  rows: z
    .array(
      z.object({
        line: z.number().int().min(2, "Line 1 is the header"),
        cells: z.array(z.string().max(32_768, "A value has at most 32 KB")).max(MAX_CELLS),
      }),
    )
    .min(1, "Send at least one row")
    .max(MAX_CHUNK_ROWS, `Send at most ${MAX_CHUNK_ROWS} rows per request`),
});
export type ImportChunk = z.infer<typeof importChunkSchema>;
