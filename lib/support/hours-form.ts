import { type SupportHours, supportHoursSchema } from "./hours";

/** What the Support hours form posts: the ticked weekdays ("1" … "7") and the two times as typed. */
export type SupportHoursFormValues = { days: string[]; start: string; end: string };

export type ParsedSupportHoursForm = { ok: true; hours: SupportHours } | { ok: false; fields: Record<string, string> };

/**
 * Turns the form into support hours: weekdays sorted and de-duplicated, times trimmed. Errors are keyed by form
 * field (days, start, end) so the form can show each beside its control.
 */
export function parseSupportHoursForm(values: SupportHoursFormValues): ParsedSupportHoursForm {
  const days = [...new Set(values.days.map((d) => (/^[1-7]$/.test(d.trim()) ? Number(d.trim()) : Number.NaN)))].sort(
    (a, b) => a - b,
  );
  const parsed = supportHoursSchema.safeParse({ days, start: values.start.trim(), end: values.end.trim() });
  if (parsed.success) return { ok: true, hours: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "days");
    fields[field] ??= field === "days" && issue.path.length > 1 ? "Pick days from Monday to Sunday." : issue.message;
  }
  return { ok: false, fields };
}
