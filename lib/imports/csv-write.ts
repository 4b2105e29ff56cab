/**
 * Writes CSV (RFC 4180, CRLF line ends as spreadsheets expect) for the rejected-rows download. A value that
 * starts like a formula (=, @, or + or - before something other than a number) gets a leading apostrophe so
 * a spreadsheet shows it instead of running it; phone numbers (+49 …) and negative amounts stay as they are.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvValue).join(",")).join("\r\n")}\r\n`;
}

function csvValue(value: string): string {
  const safe = /^[=@]|^[+-][^\d.\s]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
