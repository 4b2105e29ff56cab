import { type CsvProblem, type CsvRecord, type Delimiter, parseCsv } from "./csv";
import { headerLooksLikeData, splitHeader } from "./header";

/** Large enough for several hundred thousand rows, small enough to parse in the browser's memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ImportFile = {
  header: string[];
  rows: CsvRecord[];
  delimiter: Delimiter;
  /** Why part of the file could not be read (an unclosed quote); the rows before it are usable. */
  problem: CsvProblem | null;
  /** Warnings a person should see before mapping: no header line, not UTF-8. */
  warnings: string[];
};

/** A CSV file's text as the import page works with it: column names, rows with their lines, and warnings. */
export function readImportFile(text: string): ImportFile {
  const parsed = parseCsv(text);
  const { header, rows } = splitHeader(parsed.records);
  const warnings: string[] = [];
  if (parsed.records[0] && headerLooksLikeData(parsed.records[0].cells)) {
    warnings.push(
      "The first line looks like data rather than column names. Tenure reads line 1 as the header: add a header line if the file has none.",
    );
  }
  // TextDecoder turns bytes that are not UTF-8 into U+FFFD; Excel's "CSV" (not "CSV UTF-8") does that.
  if (text.includes("\uFFFD")) {
    warnings.push(
      'The file is not UTF-8, so accented letters may be garbled. In Excel, save it as "CSV UTF-8" and upload it again.',
    );
  }
  return { header, rows, delimiter: parsed.delimiter, problem: parsed.problem, warnings };
}
