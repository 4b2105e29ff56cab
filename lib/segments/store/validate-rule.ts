import type { Db } from "@/lib/db/client";
import { loadMetricContext } from "@/lib/metrics/settings";
import { compileSegmentPredicate } from "../compile";
import type { SegmentRule } from "../rule-schema";
import { checkReferencedSegments, savedSegmentResolver } from "./references";

/**
 * What a rule must pass beyond its schema before it is saved: it may refer only to existing rule-based
 * segments, without a loop back to itself (`self`). Errors are Invalid at `rule.conditions.…`. Compiling is
 * the check (nothing runs), so a rule that saves is a rule the refresh can compile.
 */
export async function validateSavedRule(
  db: Db,
  workspaceId: string,
  rule: SegmentRule,
  self?: { id: string; name: string },
): Promise<void> {
  await checkReferencedSegments(db, workspaceId, rule, ["rule"]);
  await compileSegmentPredicate(rule, {
    ...(await loadMetricContext(db, workspaceId)),
    now: new Date(),
    resolveSegment: savedSegmentResolver(db, workspaceId),
    self,
    pathPrefix: ["rule"],
  });
}
