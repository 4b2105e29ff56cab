import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { percentile } from "@/lib/metrics/kpis/engagement";
import { isResolved, NO_CATEGORY, toDate } from "./sql";

/** Age bands of the open backlog, in days: under 1, 1–3, 3–7, 7–30, 30 and over. */
export const AGE_BANDS = [
  { label: "< 1 day", upToDays: 1 },
  { label: "1–3 days", upToDays: 3 },
  { label: "3–7 days", upToDays: 7 },
  { label: "7–30 days", upToDays: 30 },
  { label: "30+ days", upToDays: Number.POSITIVE_INFINITY },
] as const;

export type BacklogGroup = {
  category: string;
  open: number;
  medianAgeSeconds: number | null;
  oldestAgeSeconds: number | null;
  /** Open tickets per age band, in AGE_BANDS order. */
  bands: number[];
};

export type Backlog = BacklogGroup & { byCategory: BacklogGroup[] };

function group(category: string, ages: number[]): BacklogGroup {
  const bands = AGE_BANDS.map(() => 0);
  for (const age of ages) {
    const band = AGE_BANDS.findIndex((b) => age < b.upToDays * 86_400);
    bands[band] = (bands[band] ?? 0) + 1;
  }
  return {
    category,
    open: ages.length,
    medianAgeSeconds: percentile(ages, 0.5),
    oldestAgeSeconds: ages.length === 0 ? null : Math.max(...ages),
    bands,
  };
}

/**
 * The open backlog at `now`: tickets created before now whose status is not solved or closed (their current
 * status on the ticket row), whatever range the page shows, with their age (now − created), overall and per
 * category, most open first. Reads the workspace's tickets through tickets_created_idx.
 */
export async function openBacklog(db: Db, workspaceId: string, now: Date): Promise<Backlog> {
  const result = await rows<{ category: string; created_at: unknown }>(
    db,
    sql`
      select coalesce(t.category, ${NO_CATEGORY}) as category, t.created_at
      from tickets t
      where t.workspace_id = ${workspaceId} and t.created_at <= ${now} and not ${isResolved(sql`t.status`)}
    `,
  );
  const byCategory = new Map<string, number[]>();
  const all: number[] = [];
  for (const r of result) {
    const age = (now.getTime() - (toDate(r.created_at) as Date).getTime()) / 1000;
    all.push(age);
    const ages = byCategory.get(r.category);
    if (ages) ages.push(age);
    else byCategory.set(r.category, [age]);
  }
  return {
    ...group("All categories", all),
    byCategory: [...byCategory.entries()]
      .map(([category, ages]) => group(category, ages))
      .sort((a, b) => b.open - a.open || a.category.localeCompare(b.category)),
  };
}
