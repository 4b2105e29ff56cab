import { describe, expect, it } from "vitest";
import { checkSegmentRule } from "../parse";
import type { SegmentGroupInput } from "../rule-schema";
import { appendAt, errorKey, errorsOfNode, fieldKey, moveAt, nodeAt, removeAt, updateAt } from "./rule-tree";

const nps = { type: "nps", band: "detractor" } as const;
const open = { type: "open_ticket", value: true } as const;
const activated = { type: "activated", value: true } as const;

/** AND( nps, OR( open, activated ) ) */
const rule: SegmentGroupInput = {
  type: "group",
  combinator: "and",
  conditions: [nps, { type: "group", combinator: "or", conditions: [open, activated] }],
};

describe("rule tree editing", () => {
  it("finds nodes by position", () => {
    expect(nodeAt(rule, [])).toBe(rule);
    expect(nodeAt(rule, [0])).toBe(nps);
    expect(nodeAt(rule, [1, 1])).toBe(activated);
    expect(nodeAt(rule, [2])).toBeUndefined();
    expect(nodeAt(rule, [0, 0])).toBeUndefined();
  });

  it("replaces, appends, removes and moves without touching the original", () => {
    const promoter = updateAt(rule, [0], () => ({ type: "nps", band: "promoter" }));
    expect(nodeAt(promoter, [0])).toEqual({ type: "nps", band: "promoter" });
    expect(nodeAt(rule, [0])).toBe(nps);

    const appended = appendAt(rule, [1], nps);
    const inner = nodeAt(appended, [1]);
    expect(inner?.type === "group" && inner.conditions).toEqual([open, activated, nps]);

    const removed = removeAt(rule, [1, 0]);
    const innerAfter = nodeAt(removed, [1]);
    expect(innerAfter?.type === "group" && innerAfter.conditions).toEqual([activated]);
    // The top group is not removable.
    expect(removeAt(rule, [])).toBe(rule);

    const moved = moveAt(rule, [1, 1], -1);
    const movedInner = nodeAt(moved, [1]);
    expect(movedInner?.type === "group" && movedInner.conditions).toEqual([activated, open]);
    // Past either end nothing moves.
    expect(moveAt(rule, [0], -1).conditions).toEqual(rule.conditions);
    expect(moveAt(rule, [1], 1).conditions).toEqual(rule.conditions);
  });

  it("names a node's errors by the same path the rule check uses", () => {
    expect(errorKey([])).toBe("");
    expect(errorKey([1, 0])).toBe("conditions.1.conditions.0");
    expect(fieldKey([1, 0], "count.value")).toBe("conditions.1.conditions.0.count.value");
    expect(fieldKey([], "conditions")).toBe("conditions");
  });

  it("gives each node the errors of the rule check that concern it, and only those", () => {
    const bad: SegmentGroupInput = {
      type: "group",
      combinator: "and",
      conditions: [
        { type: "event", event: "Order Completed", operator: "performed", count: { operator: "at_least", value: 0 } },
        {
          type: "group",
          combinator: "or",
          conditions: [{ type: "trait", trait: "", test: { type: "boolean", operator: "is_true" } }],
        },
      ],
    };
    const check = checkSegmentRule(bad);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual({
      "conditions.0.count.value": "“At least 0 times” matches everyone; use 1 or more",
      "conditions.1.conditions.0.trait": "Enter a trait name",
    });
    expect(errorsOfNode(check.errors, [0], false)).toEqual({
      "count.value": "“At least 0 times” matches everyone; use 1 or more",
    });
    expect(errorsOfNode(check.errors, [1, 0], false)).toEqual({ trait: "Enter a trait name" });
    // Groups keep their own errors (depth, size), not their entries'.
    expect(errorsOfNode(check.errors, [1], true)).toEqual({});
    expect(errorsOfNode(check.errors, [], true)).toEqual({});
    expect(errorsOfNode({ conditions: "A rule has at most 100 conditions" }, [], true)).toEqual({
      conditions: "A rule has at most 100 conditions",
    });
    expect(errorsOfNode({ "conditions.1": "Groups nest at most 6 deep" }, [1], true)).toEqual({
      "": "Groups nest at most 6 deep",
    });
  });
});
