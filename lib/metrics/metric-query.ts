import { Invalid } from "@/lib/errors";
import { isIsoDate, PERIODS, type Period } from "./periods";

/** `$any` as an event choice: every event (start) or every track/page/screen event (return, lifecycle). */
export const ANY_EVENT = "$any";

type Params = { get(name: string): string | null };

/** Reads one optional query parameter, naming it in the 400 when it is malformed. */
export function dateParam(params: Params, name: string, fallback: string): string {
  const value = params.get(name);
  if (value === null || value === "") return fallback;
  if (!isIsoDate(value)) throw new Invalid(`\`${name}\` must be a date as YYYY-MM-DD.`, { [name]: "Use YYYY-MM-DD" });
  return value;
}

export function periodParam(params: Params, name = "period", fallback: Period = "week"): Period {
  const value = params.get(name);
  if (value === null || value === "") return fallback;
  if (!(PERIODS as readonly string[]).includes(value)) {
    throw new Invalid(`\`${name}\` must be one of ${PERIODS.join(", ")}.`, { [name]: `One of ${PERIODS.join(", ")}` });
  }
  return value as Period;
}

export function eventParam(params: Params, name: string): string {
  const value = params.get(name);
  if (value === null || value.trim() === "") return ANY_EVENT;
  if (value.length > 200) throw new Invalid(`\`${name}\` is longer than 200 characters.`, { [name]: "Too long" });
  return value;
}

export function booleanParam(params: Params, name: string, fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null || value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new Invalid(`\`${name}\` must be true or false.`, { [name]: "true or false" });
}

export function enumParam<T extends string>(params: Params, name: string, allowed: readonly T[], fallback: T): T {
  const value = params.get(name);
  if (value === null || value === "") return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Invalid(`\`${name}\` must be one of ${allowed.join(", ")}.`, { [name]: `One of ${allowed.join(", ")}` });
  }
  return value as T;
}

/** from ≤ to, and not more than `maxDays` apart (a guard against accidental decade-long scans). */
export function checkRange(from: string, to: string, maxDays = 3 * 366) {
  if (from > to) throw new Invalid("`from` must not be after `to`.", { from: "After `to`" });
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > maxDays) throw new Invalid(`The range may span at most ${maxDays} days.`, { to: "Range too long" });
}
