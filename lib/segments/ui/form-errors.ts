/**
 * Splits the `fields` of a 400 from the segments API into the rule's errors (keyed like checkSegmentRule's,
 * "conditions.1.count.value") and the form's own fields (name, description, status). The API keys rule paths
 * from the body ("rule.conditions.1…"); the builder keys them from the rule.
 */
export function splitApiErrors(fields: Record<string, string> | undefined): {
  rule: Record<string, string>;
  form: Record<string, string>;
} {
  const rule: Record<string, string> = {};
  const form: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    if (key === "rule") rule.rule = message;
    else if (key.startsWith("rule.")) rule[key.slice("rule.".length)] = message;
    else form[key] = message;
  }
  return { rule, form };
}

/**
 * A number input's text as the rule stores it: a number, or undefined when the box is empty or not a number,
 * so the rule check answers "Required" / the schema's own message instead of the builder guessing a value.
 */
export function numberFromInput(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") return undefined as unknown as number;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : (undefined as unknown as number);
}

/** The text a number input shows for a stored value (empty for a missing one). */
export function inputFromNumber(value: number | undefined | null): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/** Human names for the last part of an error path, so a message can say which box it is about. */
const FIELD_LABELS: Record<string, string> = {
  event: "Event",
  trait: "Trait",
  property: "Property",
  value: "Value",
  values: "Values",
  min: "From",
  max: "To",
  days: "Days",
  date: "Date",
  from: "From",
  to: "To",
  amount: "Window",
  hours: "Hours",
  percent: "Percent",
  windowDays: "Window",
  category: "Category",
  segmentId: "Segment",
  count: "Count",
  where: "Property filters",
  conditions: "Conditions",
};

/**
 * "count.value" → "Count: …", "where.0.test.value" → "Property filter 1, value: …"; a message about the whole
 * node has no label.
 */
export function labelledMessage(field: string, message: string): string {
  if (field === "") return message;
  const parts = field.split(".");
  const named = parts.filter((p) => !/^\d+$/.test(p));
  const last = named[named.length - 1] ?? "";
  if (parts[0] === "where" && /^\d+$/.test(parts[1] ?? "")) {
    const filter = `Property filter ${Number(parts[1]) + 1}`;
    return parts.length === 2
      ? `${filter}: ${message}`
      : `${filter}, ${(FIELD_LABELS[last] ?? last).toLowerCase()}: ${message}`;
  }
  const label = named.length > 1 && named[0] === "count" ? "Count" : (FIELD_LABELS[last] ?? last);
  return `${label}: ${message}`;
}
