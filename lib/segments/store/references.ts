import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";
import type { SegmentResolver } from "../context";
import type { SegmentNode, SegmentRule } from "../rule-schema";
import { findSegment } from "./load";

/** Every "is in segment X" condition of a rule, with its path ("conditions.1.segmentId"). */
export function segmentReferences(rule: SegmentRule, prefix: (string | number)[] = []) {
  const found: { segmentId: string; path: string }[] = [];
  const walk = (node: SegmentNode, path: (string | number)[]) => {
    if (node.type === "group") {
      for (const [i, child] of node.conditions.entries()) walk(child, [...path, "conditions", i]);
    } else if (node.type === "segment") {
      found.push({ segmentId: node.segmentId, path: [...path, "segmentId"].join(".") });
    }
  };
  walk(rule, prefix);
  return found;
}

/**
 * Reads saved segments for the compiler's "membership of another segment" condition. Only dynamic segments
 * have a rule to compile inline; a static segment answers null here (and checkReferencedSegments names it).
 * Lookups are cached for the life of the resolver (one request or one refresh).
 */
export function savedSegmentResolver(db: Db, workspaceId: string): SegmentResolver {
  const cache = new Map<string, Promise<{ id: string; name: string; rule: SegmentRule } | null>>();
  return (id) => {
    let found = cache.get(id);
    if (!found) {
      found = findSegment(db, workspaceId, id).then((s) => (s?.rule ? { id: s.id, name: s.name, rule: s.rule } : null));
      cache.set(id, found);
    }
    return found;
  };
}

/**
 * A rule may refer to dynamic segments only: a static segment's members are an uploaded list, which the rule
 * compiler (which inlines the referenced rule) cannot express. Throws Invalid at the condition's path.
 */
export async function checkReferencedSegments(
  db: Db,
  workspaceId: string,
  rule: SegmentRule,
  prefix: (string | number)[],
) {
  for (const { segmentId, path } of segmentReferences(rule, prefix)) {
    const segment = await findSegment(db, workspaceId, segmentId);
    if (segment?.kind === "static") {
      const message = `“${segment.name}” is an uploaded (static) segment; a rule can only refer to rule-based segments.`;
      throw new Invalid(message, { [path]: message });
    }
  }
}

/** Names of the segments a rule refers to, for its plain-language summary. */
export async function referencedNames(db: Db, workspaceId: string, rule: SegmentRule): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const { segmentId } of segmentReferences(rule)) {
    const segment = await findSegment(db, workspaceId, segmentId);
    if (segment) names[segmentId] = segment.name;
  }
  return names;
}

/** The segments whose rule refers directly to this one. */
export async function segmentsReferencing(db: Db, workspaceId: string, segmentId: string) {
  return rows<{ id: string; name: string; status: string }>(
    db,
    sql`select id, name, status from segments
      where workspace_id = ${workspaceId} and rule is not null and id <> ${segmentId}::uuid
        and jsonb_path_exists(rule, '$.** ? (@.type == "segment" && @.segmentId == $id)', jsonb_build_object('id', ${segmentId}::text))
      order by name`,
  );
}
