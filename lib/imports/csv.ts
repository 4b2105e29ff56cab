/**
 * A CSV reader (RFC 4180 plus what spreadsheets actually write) that keeps, for every record, the physical
 * line it starts on, so that problems can be reported as "line 7" and found in a text editor. Neither
 * papaparse nor csv-parse report a record's start line directly once quoted values span several lines,
 * which is why this small reader exists instead of a dependency.
 *
 * Handles: a UTF-8 byte-order mark, CRLF / LF / CR line ends, quoted values with embedded delimiters, quotes
 * ("") and line breaks, blank lines (skipped), and `,` `;` tab or `|` as the delimiter (detected from the
 * first line). It runs in the browser (the import page) and in Node (tests, the API) alike.
 */
export type CsvRecord = { line: number; cells: string[] };
export type CsvProblem = { line: number; message: string };
export type CsvParse = { records: CsvRecord[]; delimiter: Delimiter; problem: CsvProblem | null };

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function parseCsv(input: string, options: { delimiter?: Delimiter } = {}): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let quoted = false;
    for (;;) {
      let value: string;
      if (text[i] === '"') {
        quoted = true;
        const read = readQuoted(text, i + 1);
        if (read === null) {
          return {
            records,
            delimiter,
            problem: {
              line: startLine,
              message: `A quoted value that starts on line ${startLine} is never closed (a " is missing), so the file cannot be read from there on.`,
            },
          };
        }
        line += read.lineBreaks;
        // Anything between the closing quote and the next delimiter is kept rather than rejected, as
        // spreadsheets do with `"12" inch`.
        const end = fieldEnd(text, read.next, delimiter);
        value = read.value + text.slice(read.next, end);
        i = end;
      } else {
        const end = fieldEnd(text, i, delimiter);
        value = text.slice(i, end);
        i = end;
      }
      cells.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === "\r") i += text[i + 1] === "\n" ? 2 : 1;
      else if (text[i] === "\n") i++;
      line++;
      break;
    }
    if (cells.length === 1 && cells[0] === "" && !quoted) continue;
    records.push({ line: startLine, cells });
  }
  return { records, delimiter, problem: null };
}

/** The index of the delimiter or line break that ends an unquoted field starting at `from`. */
function fieldEnd(text: string, from: number, delimiter: string): number {
  let k = from;
  while (k < text.length) {
    const c = text[k];
    if (c === delimiter || c === "\n" || c === "\r") break;
    k++;
  }
  return k;
}

/** Reads a quoted value whose opening quote is just before `from`; null when it never closes. */
function readQuoted(text: string, from: number): { value: string; next: number; lineBreaks: number } | null {
  let value = "";
  let lineBreaks = 0;
  let j = from;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return null;
    const part = text.slice(j, q);
    lineBreaks += countLineBreaks(part);
    value += part;
    if (text[q + 1] === '"') {
      value += '"';
      j = q + 2;
      continue;
    }
    // Line breaks inside values become \n whatever the file used, so the same data gives the same value.
    return { value: lineBreaks > 0 ? value.replace(/\r\n?/g, "\n") : value, next: q + 1, lineBreaks };
  }
}

function countLineBreaks(part: string): number {
  let count = 0;
  for (let k = 0; k < part.length; k++) {
    const c = part[k];
    if (c === "\n") count++;
    else if (c === "\r" && part[k + 1] !== "\n") count++;
  }
  return count;
}

/** The delimiter used most often outside quotes on the first line; a comma when none is. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    else if (!inQuotes && counts.has(c as Delimiter)) counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
