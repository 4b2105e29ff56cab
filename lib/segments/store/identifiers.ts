import { Invalid } from "@/lib/errors";

/** One identifier from an upload, with the line it came from (1-based, as a spreadsheet numbers rows). */
export type UploadedIdentifier = { line: number; value: string };

export const MAX_UPLOAD_IDENTIFIERS = 100_000;
const HEADER_NAMES = ["user_id", "userid", "user id", "id", "email", "e-mail", "external_id"];

/**
 * Identifiers from a CSV file: one per line, or a column of a CSV with a header row (the column named
 * user_id, id or email; the first column otherwise). Blank lines are skipped; quotes follow RFC 4180 within a
 * line. A header line is recognised by its column names and is not an identifier.
 */
export function identifiersFromCsv(text: string): UploadedIdentifier[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let column = 0;
  let start = 0;
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim().toLowerCase());
  if (header.some((h) => HEADER_NAMES.includes(h))) {
    column = Math.max(
      0,
      header.findIndex((h) => HEADER_NAMES.includes(h)),
    );
    start = 1;
  }
  const found: UploadedIdentifier[] = [];
  for (let i = start; i < lines.length; i++) {
    const value = (splitCsvLine(lines[i] ?? "")[column] ?? "").trim();
    if (value !== "") found.push({ line: i + 1, value });
  }
  return limit(found);
}

/** Identifiers sent as a JSON array: the line of each is its position (1-based); blanks are skipped. */
export function identifiersFromList(values: readonly string[]): UploadedIdentifier[] {
  return limit(values.map((v, i) => ({ line: i + 1, value: v.trim() })).filter((v) => v.value !== ""));
}

function limit(found: UploadedIdentifier[]): UploadedIdentifier[] {
  if (found.length > MAX_UPLOAD_IDENTIFIERS) {
    const message = `At most ${MAX_UPLOAD_IDENTIFIERS.toLocaleString("en-US")} identifiers per upload (this one has ${found.length.toLocaleString("en-US")}).`;
    throw new Invalid(message, { identifiers: message });
  }
  return found;
}

/** Fields of one CSV line ("a","b ""c""",d → a, b "c", d). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(current);
      current = "";
    } else current += ch;
  }
  fields.push(current);
  return fields;
}
