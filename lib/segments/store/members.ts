import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";

export type SegmentMember = { id: number; userId: string | null; email: string | null; enteredAt: string };
export type MembersPage = { members: SegmentMember[]; nextCursor: string | null; total: number };

type MemberRow = {
  id: number;
  user_id: string | null;
  email: string | null;
  entered_at: string | Date;
  at_text: string;
};

/**
 * Current members, newest entry first, keyset-paged on (entered_at, customer id): the cursor is the last row's
 * pair, so pages never skip or repeat however deep, even while members come and go.
 */
export async function listMembers(
  db: Db,
  workspaceId: string,
  segmentId: string,
  page: { cursor?: string | null; limit: number },
): Promise<MembersPage> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const found = await rows<MemberRow>(
    db,
    sql`select m.customer_id as id, c.external_id as user_id, c.email, m.entered_at, m.entered_at::text as at_text
      from segment_members m
      join customers c on c.workspace_id = m.workspace_id and c.id = m.customer_id
      where m.workspace_id = ${workspaceId} and m.segment_id = ${segmentId}::uuid
        ${after ? sql`and (m.entered_at, m.customer_id) < (${after.at}::timestamptz, ${after.id}::bigint)` : sql``}
      order by m.entered_at desc, m.customer_id desc
      limit ${page.limit + 1}`,
  );
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from segment_members where workspace_id = ${workspaceId} and segment_id = ${segmentId}::uuid`,
  );
  const shown = found.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    members: shown.map(toMember),
    nextCursor: found.length > page.limit && last ? encodeCursor(last.at_text, Number(last.id)) : null,
    total: Number(count?.n ?? 0),
  };
}

/** Every current member as CSV (id,user_id,email,entered_at), in the list's order. */
export async function membersCsv(db: Db, workspaceId: string, segmentId: string): Promise<string> {
  const found = await rows<MemberRow>(
    db,
    sql`select m.customer_id as id, c.external_id as user_id, c.email, m.entered_at, '' as at_text
      from segment_members m
      join customers c on c.workspace_id = m.workspace_id and c.id = m.customer_id
      where m.workspace_id = ${workspaceId} and m.segment_id = ${segmentId}::uuid
      order by m.entered_at desc, m.customer_id desc`,
  );
  const lines = ["id,user_id,email,entered_at"];
  for (const r of found.map(toMember)) {
    lines.push([String(r.id), r.userId ?? "", r.email ?? "", r.enteredAt].map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function toMember(r: MemberRow): SegmentMember {
  return { id: Number(r.id), userId: r.user_id, email: r.email, enteredAt: new Date(r.entered_at).toISOString() };
}

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function encodeCursor(at: string, id: number): string {
  return Buffer.from(JSON.stringify([at, id])).toString("base64url");
}

/** PostgreSQL's text form of a timestamptz ("2026-03-18 16:00:00.123+00"), which the cursor carries verbatim. */
const TIMESTAMP_TEXT = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:?\d\d){0,2}|Z)?$/;

function decodeCursor(cursor: string): { at: string; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && TIMESTAMP_TEXT.test(at) && Number.isSafeInteger(id)) {
      return { at, id: id as number };
    }
  } catch {
    // falls through to the 400 below
  }
  throw new Invalid("The cursor is not one this API gave out: start again without it.", { cursor: "Invalid cursor" });
}
