/**
 * Times in the debugger, to the second, in the workspace's time zone. A 24-hour clock: the server and the
 * browser then render the same text (no AM/PM spacing differences between ICU versions at hydration).
 */
export function formatDebuggerTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}
