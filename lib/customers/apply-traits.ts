import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { applyTraits, profileColumns, type TimedTraits } from "./traits";

export type TraitWrite = { customerId: number; traits: Record<string, unknown>; at: Date; timeZone: string | null };

/**
 * Merges identify traits into profiles: per trait, the write with the latest event time wins. Reads the
 * affected profiles once and writes each once, whatever the number of identify calls in the batch.
 */
export async function applyTraitWrites(db: Db, workspaceId: string, writes: readonly TraitWrite[]) {
  if (writes.length === 0) return;
  const ids = [...new Set(writes.map((w) => w.customerId))].sort((a, b) => a - b);
  const current = await rows<{ id: number; traits: Record<string, unknown>; trait_timestamps: Record<string, string> }>(
    db,
    sql`select id, traits, trait_timestamps from customers
        where workspace_id = ${workspaceId} and id = any(${`{${ids.join(",")}}`}::bigint[])`,
  );
  const profiles = new Map<number, TimedTraits & { timeZone: string | null }>(
    current.map((r) => [Number(r.id), { traits: r.traits, timestamps: r.trait_timestamps, timeZone: null }]),
  );
  for (const w of [...writes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const profile = profiles.get(w.customerId);
    if (!profile) continue;
    const next = applyTraits(profile, w.traits, w.at);
    profiles.set(w.customerId, { ...next, timeZone: w.timeZone ?? profile.timeZone });
  }
  const values = [...profiles].map(([id, p]) => ({
    id,
    traits: p.traits,
    timestamps: p.timestamps,
    time_zone: p.timeZone,
    ...profileColumns(p.traits),
  }));
  await db.execute(sql`
    update customers c set
      traits = x.traits,
      trait_timestamps = x.timestamps,
      email = coalesce(x.email, c.email),
      phone = coalesce(x.phone, c.phone),
      time_zone = coalesce(x.time_zone, c.time_zone),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as x(id bigint, traits jsonb, timestamps jsonb, time_zone text, email text, phone text)
    where c.workspace_id = ${workspaceId} and c.id = x.id
  `);
}
