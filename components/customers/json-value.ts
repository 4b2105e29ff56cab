/** A JSON value as one line of text for tables: strings as they are, anything else as JSON. */
export function jsonText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value);
}

/** The same, cut to `max` characters with an ellipsis, for compact views. */
export function shortJsonText(value: unknown, max: number): string {
  const text = jsonText(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
