import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * Keyset ("cursor") pagination primitives shared by the customer list and the profile timeline. A page is
 * the rows strictly after a cursor in a total order of (sort value, id); unlike OFFSET, the database starts
 * reading at the cursor, so page 2,000 costs what page 1 costs, and rows added meanwhile never shift a page.
 */
export type Direction = "asc" | "desc";

/**
 * A position in a keyset-ordered list: the sort value as PostgreSQL prints it and the row id that breaks
 * ties. The value stays text because a JS Date drops the microseconds of a timestamptz and a double can
 * round a numeric: either would make the next page repeat or skip rows.
 */
export type Cursor = { value: string | null; id: number };

export function flip(direction: Direction): Direction {
  return direction === "asc" ? "desc" : "asc";
}

/** `asc` or `desc` as a fixed SQL keyword (never text from the request). */
export function orderKeyword(direction: Direction): SQL {
  return direction === "asc" ? sql`asc` : sql`desc`;
}

/**
 * Rows strictly after (value, id) in the order `column direction, id direction`, as a row comparison: a btree
 * index on (…, column, id) serves it exactly, and one on (…, column) alone still narrows the scan to
 * `column <= value` (PostgreSQL uses the comparison's leading part as the index condition).
 */
export function afterKey(column: SQL, id: SQL, value: SQL, cursorId: number, direction: Direction): SQL {
  return direction === "desc"
    ? sql`(${column}, ${id}) < (${value}, ${cursorId})`
    : sql`(${column}, ${id}) > (${value}, ${cursorId})`;
}

/** Rows strictly after `cursorId` when only the id orders them. */
export function afterId(id: SQL, cursorId: number, direction: Direction): SQL {
  return direction === "desc" ? sql`${id} < ${cursorId}` : sql`${id} > ${cursorId}`;
}

export type PageRequest = { after?: Cursor; before?: Cursor; limit: number };
export type Page<R> = { rows: R[]; next: Cursor | null; previous: Cursor | null };

/**
 * Turns a fetch of "up to limit + 1 rows strictly after a cursor, in list order or (backwards) in reverse
 * order" into a page with its Next and Previous positions. Walking back to the very start returns the real
 * first page (full, with no Previous), so page 1 always looks the same however it was reached.
 */
export async function keysetPage<R>(
  request: PageRequest,
  fetch: (cursor: Cursor | undefined, backwards: boolean) => Promise<R[]>,
  cursorOf: (row: R) => Cursor,
): Promise<Page<R>> {
  const backwards = request.before !== undefined;
  const fetched = await fetch(backwards ? request.before : request.after, backwards);
  const hasMore = fetched.length > request.limit;
  const rows = fetched.slice(0, request.limit);
  if (backwards) {
    if (!hasMore) return keysetPage({ limit: request.limit }, fetch, cursorOf);
    rows.reverse();
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const moreAhead = backwards || hasMore;
  const moreBehind = backwards || request.after !== undefined;
  return {
    rows,
    next: moreAhead && last ? cursorOf(last) : null,
    previous: moreBehind && first ? cursorOf(first) : null,
  };
}

/** An opaque URL-safe token for a cursor (base64url of `[value, id]`). */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

const cursorShape = z.tuple([z.string().max(64).nullable(), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]);

/** The cursor in a token, or null when the token was not made by encodeCursor (edited or truncated links). */
export function decodeCursor(token: string): Cursor | null {
  if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** The exact text of a timestamptz in UTC with microseconds, for cursors: `2026-03-01T10:00:00.123456Z`. */
export function timestampText(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
