import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

export type BlockedMerge = {
  id: number;
  /** blocked_identifier: the value is on the workspace's block list; merge_limit: it would merge too many. */
  kind: string;
  identifierKind: string | null;
  identifierValue: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

export type BlockedMerges = { total: number; latest: BlockedMerge[] };

/** Identity merges that identity resolution refused (data_quality_issues), newest first, and how many in all. */
export async function blockedMerges(db: Db, workspaceId: string, options: { limit?: number } = {}) {
  const limit = options.limit ?? 20;
  const [latest, [count]] = await Promise.all([
    rows<{
      id: number | string;
      kind: string;
      identifier_kind: string | null;
      identifier_value: string | null;
      details: Record<string, unknown> | null;
      created_at: Date | string;
    }>(
      db,
      sql`
        select id, kind, identifier_kind, identifier_value, details, created_at
        from data_quality_issues
        where workspace_id = ${workspaceId}
        order by created_at desc, id desc
        limit ${limit}
      `,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from data_quality_issues where workspace_id = ${workspaceId}`,
    ),
  ]);
  return {
    total: Number(count?.n ?? 0),
    latest: latest.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      identifierKind: r.identifier_kind,
      identifierValue: r.identifier_value,
      details: r.details ?? {},
      createdAt: new Date(r.created_at),
    })),
  } satisfies BlockedMerges;
}
