/** "Mar 5" for a YYYY-MM-DD calendar day; formatted in UTC because the string is already a local day. */
export function dayLabel(day: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "Mon" for a YYYY-MM-DD calendar day. */
export function weekdayLabel(day: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short" }).format(new Date(`${day}T00:00:00Z`));
}
