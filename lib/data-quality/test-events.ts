import type { Db } from "@/lib/db/client";
import { events } from "@/lib/db/schema";

export type TestEvents = { name: string | null; at: string; count?: number; userId?: string | null; type?: string };

let next = 0;

/**
 * Inserts hand-built events (tests only): `count` events per spec with the same name, timestamp and identity,
 * all in one statement.
 */
export async function insertEvents(db: Db, workspaceId: string, specs: TestEvents | TestEvents[]) {
  const values = (Array.isArray(specs) ? specs : [specs]).flatMap((spec) =>
    Array.from({ length: spec.count ?? 1 }, () => ({
      workspaceId,
      messageId: `test-${++next}`,
      customerId: 1,
      userId: spec.userId ?? null,
      anonymousId: "anon-1",
      type: spec.type ?? (spec.name === null ? "identify" : "track"),
      name: spec.name,
      timestamp: new Date(spec.at),
    })),
  );
  if (values.length > 0) await db.insert(events).values(values);
}
