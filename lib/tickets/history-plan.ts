import type { TicketInput } from "./payload";
import type { StatusChange } from "./vocabulary";

export type HistoryChanges = { insert: StatusChange[]; remove: StatusChange[] };

const key = (c: StatusChange) => `${c.at.toISOString()} ${c.status}`;

/**
 * What a payload changes in a ticket's status history (docs/tickets.md "Status history"):
 * - a payload with `history` is authoritative: the stored history becomes exactly that list (rows it lacks
 *   are removed, rows it adds are inserted), so sending it again changes nothing;
 * - a payload with only the current status starts a new ticket at ("new", createdAt), plus the current status
 *   when that is not "new"; on a known ticket, a different status appends one change. Either change is dated
 *   at the payload's `updatedAt`, or the time the payload was received when it has none (never before the
 *   ticket's creation). The same status again appends nothing.
 */
export function historyChanges(
  input: TicketInput,
  stored: { status: string; history: readonly StatusChange[] } | null,
  receivedAt: Date,
): HistoryChanges {
  const current = stored?.history ?? [];
  if (input.history !== null) {
    const wanted = new Set(input.history.map(key));
    const have = new Set(current.map(key));
    return {
      insert: input.history.filter((c) => !have.has(key(c))),
      remove: current.filter((c) => !wanted.has(key(c))),
    };
  }
  const changedAt = new Date(Math.max((input.updatedAt ?? receivedAt).getTime(), input.createdAt.getTime()));
  const have = new Set(current.map(key));
  const fresh = (changes: StatusChange[]) => changes.filter((c) => !have.has(key(c)));
  if (stored === null) {
    const start: StatusChange[] = [{ status: "new", at: input.createdAt }];
    if (input.status !== "new") start.push({ status: input.status, at: changedAt });
    return { insert: fresh(start), remove: [] };
  }
  if (stored.status === input.status) return { insert: [], remove: [] };
  return { insert: fresh([{ status: input.status, at: changedAt }]), remove: [] };
}
