import { z } from "zod";

/**
 * The workspace's support hours (workspaces.settings.supportHours): one daily window, the same on every chosen
 * weekday, read in the workspace's time zone. Resolution and response times can be reported in these business
 * hours instead of calendar hours (METRICS.md "First resolution time": "business hours optional").
 */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_NAMES: Record<number, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

export const supportHoursSchema = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday, ascending and without duplicates. */
    days: z
      .array(z.number().int().min(1).max(7), { message: "Pick the days support works." })
      .min(1, "Pick at least one day.")
      .max(7),
    /** Local wall-clock time the day's window opens, HH:MM (24-hour). */
    start: z.string().regex(clock, "Use a 24-hour time such as 09:00."),
    /** Local wall-clock time it closes, HH:MM; 24:00 means midnight at the end of the day. */
    end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Use a 24-hour time such as 17:00 (or 24:00)."),
  })
  .superRefine((value, ctx) => {
    if (clock.test(value.start) && minutesOf(value.end) <= minutesOf(value.start)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "Must be after the start time." });
    }
    if (new Set(value.days).size !== value.days.length) {
      ctx.addIssue({ code: "custom", path: ["days"], message: "Each day once." });
    }
  });

export type SupportHours = z.infer<typeof supportHoursSchema>;

/** Until an admin sets them: Monday to Friday, 09:00 to 17:00. */
export const DEFAULT_SUPPORT_HOURS: SupportHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };

/** The stored hours, or the defaults when none are stored or they no longer validate (never fails a page). */
export function resolveSupportHours(settings: unknown): { hours: SupportHours; isDefault: boolean } {
  const stored = (settings as { supportHours?: unknown } | null | undefined)?.supportHours;
  const parsed = supportHoursSchema.safeParse(stored);
  return parsed.success ? { hours: parsed.data, isDefault: false } : { hours: DEFAULT_SUPPORT_HOURS, isDefault: true };
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "Mon–Fri 09:00–17:00" style summary for labels. */
export function describeSupportHours(hours: SupportHours): string {
  const names = hours.days.map((d) => WEEKDAY_NAMES[d]?.slice(0, 3) ?? "");
  const consecutive = hours.days.every((d, i) => i === 0 || d === (hours.days[i - 1] ?? 0) + 1);
  const days =
    hours.days.length === 7
      ? "Every day"
      : consecutive && hours.days.length > 2
        ? `${names[0]}–${names.at(-1)}`
        : names.join(", ");
  return `${days} ${hours.start}–${hours.end}`;
}
