/**
 * The outcome of reading one CSV row as a customer or an event: either the fields, or the problem that keeps
 * the row out, with a reason code (for filtering and the download) and a sentence for people.
 */
export type RowReason =
  | "extra_values"
  | "missing_user_id"
  | "missing_identity"
  | "missing_event"
  | "missing_timestamp"
  | "invalid_timestamp"
  | "invalid_email"
  | "invalid_number"
  | "missing_ticket_id"
  | "missing_channel"
  | "invalid_channel"
  | "invalid_status"
  | "invalid_priority"
  | "missing_solved_at"
  | "out_of_order";

export type RowProblem = { reason: RowReason; message: string };
export type RowResult<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

/** The trimmed text of a cell; rows shorter than the header (trailing empty cells dropped) read as empty. */
export function cell(cells: readonly string[], index: number | null): string {
  if (index === null) return "";
  return (cells[index] ?? "").trim();
}

/** A row with more values than the header has columns almost always holds an unquoted comma. */
export function extraValues(cells: readonly string[], columns: number): RowProblem | null {
  if (cells.length <= columns) return null;
  const extra = cells.slice(columns);
  if (extra.every((c) => c.trim() === "")) return null;
  return {
    reason: "extra_values",
    message: `The row has ${cells.length} values but the header has ${columns} columns; quote values that contain the delimiter.`,
  };
}

export function fail<T>(reason: RowReason, message: string): RowResult<T> {
  return { ok: false, problem: { reason, message } };
}
