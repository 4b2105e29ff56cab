import "server-only";
import type { Db } from "@/lib/db/client";
import { Invalid } from "@/lib/errors";
import { ingestBatch, type RawItem, type RejectedEvent } from "@/lib/ingest/ingest";
import { upsertTickets } from "@/lib/tickets/upsert";
import { readCustomerRow } from "./customer-row";
import { readEventRow } from "./event-row";
import { type CompiledMapping, compileMapping } from "./mapping";
import type { ImportOutcome, RejectedRow } from "./outcome";
import type { ImportChunk } from "./schema";
import type { ImportKind } from "./targets";
import { readTicketRow } from "./ticket-row";
import { customerMessage, eventMessage } from "./to-message";

export type ImportTarget = { workspaceId: string; timeZone: string };

/**
 * Imports one chunk of CSV rows (at most 1,000) and commits it before answering.
 *
 * Large files: the browser reads and parses the file itself and sends it as a sequence of these chunk
 * requests, one after the other, updating its progress bar after each. Every request is short (about a
 * second for 1,000 rows), so nothing holds a connection open for minutes, no upload has to fit a body limit
 * (a whole 100k-row file would exceed the 10 MB Next.js buffers behind proxy.ts), and there is no server-side
 * job, temp file or progress table to clean up — any Tenure process can take any chunk. Because every row's
 * message id is derived from its content (message-id.ts), an interrupted import loses nothing it committed,
 * and running the same file again stores only what is missing and counts the rest as duplicates.
 *
 * Rows that fail validation are listed with their line and never stop the valid rows of the chunk; rows that
 * pass go through ingestBatch (identity resolution, trait merge, rollups) like tracked events.
 */
export async function importRows(
  db: Db,
  target: ImportTarget,
  kind: ImportKind,
  chunk: ImportChunk,
  options: { receivedAt?: Date } = {},
): Promise<ImportOutcome> {
  const check = compileMapping(kind, chunk.header, chunk.mapping);
  if (!check.ok) throw new Invalid("The column mapping is not complete.", check.errors);
  const { mapping } = check;
  const receivedAt = options.receivedAt ?? new Date();
  if (kind === "tickets") return importTicketRows(db, target, mapping, chunk, receivedAt);
  const columns = chunk.header.length;
  const rejected: RejectedRow[] = [];
  const items: RawItem[] = [];
  const lines: number[] = [];
  for (const row of chunk.rows) {
    let raw: ReturnType<typeof customerMessage> | ReturnType<typeof eventMessage>;
    if (kind === "customers") {
      const read = readCustomerRow(mapping, columns, row.cells, target.timeZone);
      if (!read.ok) {
        rejected.push({ line: row.line, ...read.problem });
        continue;
      }
      raw = customerMessage(read.value, receivedAt);
    } else {
      const read = readEventRow(mapping, columns, row.cells, target.timeZone);
      if (!read.ok) {
        rejected.push({ line: row.line, ...read.problem });
        continue;
      }
      raw = eventMessage(read.value);
    }
    items.push({ raw, sizeBytes: Buffer.byteLength(JSON.stringify(raw)) });
    lines.push(row.line);
  }
  if (items.length === 0) return { accepted: 0, duplicates: 0, rejected };
  const stored = await ingestBatch(db, { workspaceId: target.workspaceId, sourceId: null }, items, { receivedAt });
  for (const r of stored.rejected) rejected.push({ line: lines[r.index] ?? 0, ...ingestProblem(r) });
  rejected.sort((a, b) => a.line - b.line);
  return { accepted: stored.accepted, duplicates: stored.duplicates, rejected };
}

/** Ingest speaks in Segment fields (userId, event); an import's reader thinks in columns and rows. */
function ingestProblem(r: RejectedEvent): { reason: string; message: string } {
  if (r.reason === "missing_identity") {
    return {
      reason: "blocked_identity",
      message: "The id is a placeholder value (such as null, 0 or anonymous) that cannot identify a customer.",
    };
  }
  if (r.reason === "too_large") return { reason: r.reason, message: `The row is too large: ${r.message}.` };
  return { reason: r.reason, message: r.message };
}

/**
 * A chunk of a tickets file: each row read into the ticket API's payload, with its whole status history, and
 * stored by upsertTickets exactly as the API stores it. Tickets new or changed count as imported, tickets
 * already stored as the row says count as already imported, so importing a file again changes nothing.
 */
async function importTicketRows(
  db: Db,
  target: ImportTarget,
  mapping: CompiledMapping,
  chunk: ImportChunk,
  receivedAt: Date,
): Promise<ImportOutcome> {
  const rejected: RejectedRow[] = [];
  const items: RawItem[] = [];
  const lines: number[] = [];
  for (const row of chunk.rows) {
    const read = readTicketRow(mapping, chunk.header.length, row.cells, target.timeZone);
    if (!read.ok) {
      rejected.push({ line: row.line, ...read.problem });
      continue;
    }
    items.push({ raw: read.value, sizeBytes: Buffer.byteLength(JSON.stringify(read.value)) });
    lines.push(row.line);
  }
  if (items.length === 0) return { accepted: 0, duplicates: 0, rejected };
  const stored = await upsertTickets(db, { workspaceId: target.workspaceId, sourceId: null }, items, { receivedAt });
  for (const r of stored.rejected) {
    rejected.push({
      line: lines[r.index] ?? 0,
      reason: r.reason === "missing_identity" ? "blocked_identity" : r.reason,
      message:
        r.reason === "missing_identity"
          ? "The user id is a placeholder value (such as null, 0 or anonymous) and there is no email to go by."
          : r.message,
    });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { accepted: stored.created + stored.updated, duplicates: stored.unchanged, rejected };
}
