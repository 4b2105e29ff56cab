import type { SegmentConditionInput, SegmentGroupInput, SegmentNodeInput } from "../rule-schema";

/**
 * The builder edits a rule as an immutable tree. A node is addressed by its position: [] is the top group,
 * [1, 0] the first entry of the group that is the top group's second entry. The same position names the
 * node's validation errors ("conditions.1.conditions.0…"), see errorKey.
 */
export type NodePath = readonly number[];

export const EMPTY_RULE: SegmentGroupInput = { type: "group", combinator: "and", negate: false, conditions: [] };

export function nodeAt(rule: SegmentGroupInput, path: NodePath): SegmentNodeInput | undefined {
  let node: SegmentNodeInput = rule;
  for (const index of path) {
    if (node.type !== "group") return undefined;
    const next: SegmentNodeInput | undefined = node.conditions[index];
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** The rule with the node at `path` replaced by what `update` returns from it (the rule itself for []). */
export function updateAt(
  rule: SegmentGroupInput,
  path: NodePath,
  update: (node: SegmentNodeInput) => SegmentNodeInput,
): SegmentGroupInput {
  const replace = (node: SegmentNodeInput, rest: NodePath): SegmentNodeInput => {
    if (rest.length === 0) return update(node);
    if (node.type !== "group") return node;
    const [index, ...tail] = rest;
    return {
      ...node,
      conditions: node.conditions.map((child, i) => (i === index ? replace(child, tail) : child)),
    };
  };
  const next = replace(rule, path);
  return next.type === "group" ? next : rule;
}

/** The rule with `node` added at the end of the group at `groupPath`. */
export function appendAt(rule: SegmentGroupInput, groupPath: NodePath, node: SegmentNodeInput): SegmentGroupInput {
  return updateAt(rule, groupPath, (group) =>
    group.type === "group" ? { ...group, conditions: [...group.conditions, node] } : group,
  );
}

/** The rule without the node at `path` (the top group cannot be removed). */
export function removeAt(rule: SegmentGroupInput, path: NodePath): SegmentGroupInput {
  if (path.length === 0) return rule;
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateAt(rule, parent, (group) =>
    group.type === "group" ? { ...group, conditions: group.conditions.filter((_, i) => i !== index) } : group,
  );
}

/** The rule with the entry at `path` moved one place up (-1) or down (+1) within its group. */
export function moveAt(rule: SegmentGroupInput, path: NodePath, by: -1 | 1): SegmentGroupInput {
  if (path.length === 0) return rule;
  const index = path[path.length - 1] ?? 0;
  return updateAt(rule, path.slice(0, -1), (group) => {
    if (group.type !== "group") return group;
    const target = index + by;
    if (target < 0 || target >= group.conditions.length) return group;
    const conditions = [...group.conditions];
    const [moved] = conditions.splice(index, 1);
    if (moved) conditions.splice(target, 0, moved);
    return { ...group, conditions };
  });
}

/** The error-path prefix of a node: "" for the top group, "conditions.1.conditions.0" below it. */
export function errorKey(path: NodePath): string {
  return path.map((i) => `conditions.${i}`).join(".");
}

/** The key of a field of the node at `path`: fieldKey([1], "count.value") = "conditions.1.count.value". */
export function fieldKey(path: NodePath, field: string): string {
  const prefix = errorKey(path);
  return prefix ? `${prefix}.${field}` : field;
}

/**
 * The errors that belong to the node at `path` itself, keyed by the field path inside it ("count.value",
 * "" for the node as a whole). A group's own errors are those at the group or at its `conditions` list; its
 * entries' errors belong to the entries.
 */
export function errorsOfNode(errors: Record<string, string>, path: NodePath, isGroup: boolean): Record<string, string> {
  const prefix = errorKey(path);
  const own: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    let rest: string | null = null;
    if (prefix === "") rest = key === "rule" ? "" : key;
    else if (key === prefix) rest = "";
    else if (key.startsWith(`${prefix}.`)) rest = key.slice(prefix.length + 1);
    if (rest === null) continue;
    if (isGroup && rest !== "" && rest !== "conditions" && !/^(combinator|negate|type)$/.test(rest)) continue;
    own[rest] = message;
  }
  return own;
}

export type { SegmentConditionInput, SegmentGroupInput, SegmentNodeInput };
