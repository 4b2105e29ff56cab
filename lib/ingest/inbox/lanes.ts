import { sql } from "drizzle-orm";
import { toPgArray } from "@/lib/customers/identity-store";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

/** The identifiers of a message that decide its lane (already stripped of blocked values). */
export type LaneIdentity = { userId: string | null; anonymousId: string | null };

/** Anonymous ids remembered per process; past this many the memory is dropped and refilled from the database. */
const MAX_REMEMBERED = 500_000;

/**
 * Splits accepted events into lanes that drain in parallel, so that one customer's events land in one lane.
 * Two drain transactions that share a customer wait on each other's row locks for the length of a chunk
 * (about a second), which made a second drain loop slower than one when chunks were cut by arrival order.
 *
 * A message's lane follows its customer's user id: the message's own `userId`, or, for an anonymous-only
 * message, the user id its anonymous id was identified as (read from the identities and remembered), or else
 * the anonymous id itself. A customer only straddles two lanes while an identify for it is still waiting in
 * the inbox; that costs a lock wait, never correctness, since every drain transaction is complete on its own.
 */
export class InboxLanes {
  /** Anonymous id → the user id it was seen or stored with, or null: not identified when last looked up. */
  private readonly userOfAnonymous = new Map<string, string | null>();

  constructor(readonly count: number) {}

  /** The lane of each message, in order. One query at most, for anonymous ids this process has not seen. */
  async assign(db: Db, workspaceId: string, messages: readonly LaneIdentity[]): Promise<number[]> {
    if (this.count <= 1) return messages.map(() => 0);
    // A message carrying both ids is what links them (identify, or any call after it from analytics.js): the
    // whole batch follows the link, so an identify and the anonymous events around it share a lane.
    for (const m of messages) {
      if (m.userId !== null && m.anonymousId !== null) this.remember(workspaceId, m.anonymousId, m.userId);
    }
    const unknown = new Set<string>();
    for (const m of messages) {
      if (m.userId === null && m.anonymousId !== null && !this.userOfAnonymous.has(key(workspaceId, m.anonymousId)))
        unknown.add(m.anonymousId);
    }
    if (unknown.size > 0) await this.learn(db, workspaceId, [...unknown]);
    return messages.map((m) => {
      const user =
        m.userId ?? (m.anonymousId === null ? null : this.userOfAnonymous.get(key(workspaceId, m.anonymousId)));
      return laneOf(user ?? m.anonymousId ?? "", this.count);
    });
  }

  private async learn(db: Db, workspaceId: string, anonymousIds: readonly string[]) {
    // One primary-key probe per id (LATERAL ... LIMIT 1), whatever the planner thinks of the tables' sizes:
    // an `= any(array)` filter was planned as a scan of every anonymous identity on never-analyzed tables.
    const found = await rows<{ value: string; user_id: string }>(
      db,
      sql`
        select v.value, u.user_id
        from unnest(${toPgArray(anonymousIds)}::text[]) as v(value)
        cross join lateral (
          select coalesce(survivor.external_id, c.external_id) as user_id
          from customer_identities i
          join customers c on c.workspace_id = i.workspace_id and c.id = i.customer_id
          left join customers survivor on survivor.workspace_id = c.workspace_id and survivor.id = c.merged_into
          where i.workspace_id = ${workspaceId} and i.kind = 'anonymous_id' and i.value = v.value
          limit 1
        ) u
        where u.user_id is not null
      `,
    );
    const users = new Map(found.map((row) => [row.value, row.user_id]));
    // Not identified yet is remembered too: when they identify, that message links the ids here (above).
    for (const anonymousId of anonymousIds) this.remember(workspaceId, anonymousId, users.get(anonymousId) ?? null);
  }

  private remember(workspaceId: string, anonymousId: string, userId: string | null) {
    if (this.userOfAnonymous.size >= MAX_REMEMBERED) this.userOfAnonymous.clear();
    this.userOfAnonymous.set(key(workspaceId, anonymousId), userId);
  }
}

function key(workspaceId: string, anonymousId: string) {
  return `${workspaceId}\u0000${anonymousId}`;
}

/** FNV-1a over the identifier's UTF-16 code units: stable across processes, so every process agrees. */
export function laneOf(identifier: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < identifier.length; i++) {
    hash ^= identifier.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % lanes;
}
