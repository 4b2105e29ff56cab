import type { Db } from "@/lib/db/client";
import { parseSegmentRule } from "@/lib/segments/parse";
import { createSegment } from "@/lib/segments/store/crud";
import { SEGMENT_TEMPLATES } from "@/lib/segments/store/templates";

/**
 * The ready-made segments (lib/segments/store/templates.ts), created active in the demo workspace with their
 * members computed at the demo's `now`, so the segment pages open on real members.
 */
export async function seedDemoSegments(db: Db, workspaceId: string, userId: string, now: Date): Promise<number> {
  for (const template of SEGMENT_TEMPLATES) {
    await createSegment(
      db,
      { workspaceId, userId, now },
      {
        name: template.name,
        description: template.description,
        kind: "dynamic",
        status: "active",
        rule: parseSegmentRule(template.rule),
        templateKey: template.key,
      },
    );
  }
  return SEGMENT_TEMPLATES.length;
}
