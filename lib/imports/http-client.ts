import type { CsvRecord } from "./csv";
import type { ColumnMapping } from "./mapping";
import type { ImportOutcome } from "./outcome";
import { ChunkFailed, type SendChunk } from "./run-import";
import type { ImportKind } from "./targets";

/** The browser's side of POST /api/v1/imports/:kind, turning failures into ChunkFailed for runImport. */
export function chunkSender(kind: ImportKind, header: readonly string[], mapping: readonly ColumnMapping[]): SendChunk {
  return async (rows: CsvRecord[]) => {
    let response: Response;
    try {
      response = await fetch(`/api/v1/imports/${kind}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ header, mapping, rows }),
      });
    } catch {
      throw new ChunkFailed("Tenure could not be reached (network error).", true);
    }
    const body = (await response.json().catch(() => null)) as
      | (ImportOutcome & { error?: undefined })
      | { error?: string; fields?: Record<string, string> }
      | null;
    if (response.ok && body && "accepted" in body) return body;
    const detail = body && "error" in body && body.error ? body.error : `HTTP ${response.status}`;
    const fields = body && "fields" in body && body.fields ? Object.values(body.fields).join(" ") : "";
    const retryable = response.status >= 500 || response.status === 429;
    throw new ChunkFailed(fields ? `${detail} ${fields}` : detail, retryable);
  };
}
