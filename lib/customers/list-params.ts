import { z } from "zod";
import { type Cursor, type Direction, decodeCursor, encodeCursor } from "./keyset";
import type { CustomerListQuery } from "./list";
import type { CustomerFilters } from "./list-filters";
import { SORT_COLUMNS, SORT_KEYS, SORT_LABELS, type SortKey } from "./list-sort";
import { MAX_SEARCH_TERMS, parseSearch } from "./search-terms";

/**
 * The customer list's state lives in the URL so that a link reproduces the view. This module is the URL
 * contract: parse (validate every parameter, with a message a person can act on) and build links.
 *
 * q       search text (see search-terms.ts)       plan    current plan
 * orders  with | without                          seen    last seen within N days
 * unseen  not seen for N days (or never)          trait, value   trait equals value
 * sort    last_seen | first_seen | revenue | orders | events    dir  asc | desc (default desc)
 * after / before   the page after / before a position (opaque tokens from the Next / Previous links)
 */
export type ListState = {
  q?: string;
  plan?: string;
  orders?: "with" | "without";
  seen?: number;
  unseen?: number;
  trait?: string;
  value?: string;
  sort: SortKey;
  dir: Direction;
  after?: Cursor;
  before?: Cursor;
};

export type SearchParamsInput = Record<string, string | string[] | undefined>;

export type ParsedList =
  | { ok: true; state: ListState }
  | {
      ok: false;
      errors: string[];
      /** What was in the URL, to show in the form again so it can be corrected. */
      raw: Record<string, string>;
    };

export const MAX_DAYS = 3650;

// A form submits empty inputs as `name=`; an empty value means "not set". A repeated parameter keeps its first.
function single(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
}

const text = (label: string, max: number) =>
  z.preprocess(single, z.string().trim().max(max, `${label}: use at most ${max} characters.`).optional());

const days = (label: string) =>
  z.preprocess(
    single,
    z.coerce
      .number({ message: `${label}: enter a number of days.` })
      .int(`${label}: enter a whole number of days.`)
      .min(1, `${label}: enter at least 1 day.`)
      .max(MAX_DAYS, `${label}: enter at most ${MAX_DAYS} days.`)
      .optional(),
  );

const schema = z.object({
  q: text("Search", 200),
  plan: text("Plan", 100),
  orders: z.preprocess(
    single,
    z.enum(["with", "without"], { message: 'Orders: choose "with orders" or "without orders".' }).optional(),
  ),
  seen: days("Seen within"),
  unseen: days("Not seen for"),
  trait: text("Trait", 100),
  value: text("Trait value", 200),
  sort: z.preprocess(
    single,
    z
      .enum(SORT_KEYS, { message: `Sort: choose one of ${Object.values(SORT_LABELS).join(", ")}.` })
      .default("last_seen"),
  ),
  dir: z.preprocess(
    single,
    z.enum(["asc", "desc"], { message: "Order: choose ascending or descending." }).default("desc"),
  ),
  after: z.preprocess(single, z.string().optional()),
  before: z.preprocess(single, z.string().optional()),
});

const STALE_LINK = "This page link is out of date or was edited. Start again from the first page.";

export function parseListParams(input: SearchParamsInput): ParsedList {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message), raw: rawValues(input) };
  const { after, before, ...rest } = parsed.data;
  const errors: string[] = [];
  if ((rest.trait === undefined) !== (rest.value === undefined)) {
    errors.push("Trait: enter both the trait name and the value it must equal.");
  }
  if (rest.seen !== undefined && rest.unseen !== undefined && rest.seen <= rest.unseen) {
    errors.push(
      `"Seen within ${rest.seen} days" and "not seen for ${rest.unseen} days" cannot both hold: the first number must be larger.`,
    );
  }
  if (rest.q !== undefined && parseSearch(rest.q).length > MAX_SEARCH_TERMS) {
    errors.push(`Search: use at most ${MAX_SEARCH_TERMS} words.`);
  }
  const state: ListState = { ...rest };
  if (after !== undefined && before !== undefined) errors.push(STALE_LINK);
  for (const [key, token] of [
    ["after", after],
    ["before", before],
  ] as const) {
    if (token === undefined) continue;
    const cursor = decodeCursor(token);
    if (!cursor || !cursorFits(cursor, rest.sort)) errors.push(STALE_LINK);
    else state[key] = cursor;
  }
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)], raw: rawValues(input) };
  return { ok: true, state };
}

/** A cursor made for another sort (a hand-edited link) would page through the wrong column. */
function cursorFits(cursor: Cursor, sort: SortKey): boolean {
  const column = SORT_COLUMNS[sort];
  return cursor.value === null ? column.nullable : column.pattern.test(cursor.value);
}

function rawValues(input: SearchParamsInput): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") raw[key] = first;
  }
  return raw;
}

/** The domain query for a valid URL state. */
export function toListQuery(state: ListState, now: Date, limit: number): CustomerListQuery {
  return {
    filters: toFilters(state),
    sort: state.sort,
    direction: state.dir,
    after: state.after,
    before: state.before,
    limit,
    now,
  };
}

export function toFilters(state: ListState): CustomerFilters {
  return {
    search: state.q === undefined ? [] : parseSearch(state.q),
    plan: state.plan,
    orders: state.orders,
    seenWithinDays: state.seen,
    notSeenForDays: state.unseen,
    trait:
      state.trait !== undefined && state.value !== undefined ? { key: state.trait, value: state.value } : undefined,
  };
}

/**
 * A link to the list with `state` changed by `change`. Any change other than a page move starts again on the
 * first page (a cursor belongs to one sort and one set of filters). Defaults are left out to keep URLs short.
 */
export function listHref(state: ListState, change: Partial<ListState> = {}): string {
  const next: ListState = { ...state, after: undefined, before: undefined, ...change };
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) params.set(key, String(value));
  };
  put("q", next.q);
  put("plan", next.plan);
  put("orders", next.orders);
  put("seen", next.seen);
  put("unseen", next.unseen);
  put("trait", next.trait);
  put("value", next.value);
  if (next.sort !== "last_seen") put("sort", next.sort);
  if (next.dir !== "desc") put("dir", next.dir);
  if (next.after) put("after", encodeCursor(next.after));
  if (next.before) put("before", encodeCursor(next.before));
  const query = params.toString();
  return query ? `/customers?${query}` : "/customers";
}

/** The state as the filter form's field values (the inverse of parsing), for showing the current view. */
export function formValues(state: ListState): Record<string, string> {
  const values: Record<string, string> = { sort: state.sort, dir: state.dir };
  for (const key of ["q", "plan", "orders", "seen", "unseen", "trait", "value"] as const) {
    const value = state[key];
    if (value !== undefined) values[key] = String(value);
  }
  return values;
}
