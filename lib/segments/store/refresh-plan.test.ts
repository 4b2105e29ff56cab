import { describe, expect, it } from "vitest";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/metrics/settings";
import { parseSegmentRule } from "../parse";
import { planIncrementalRefresh } from "./refresh";
import type { SavedSegment } from "./types";

/**
 * Which customers ingest re-evaluates for each segment: those whose own stored events the rule reads, plus
 * those whose history was rewritten (merges, new profiles), which count for every segment. The membership
 * property test (membership.test.ts) checks that this keeps incremental = full recompute on a real database.
 */
function segment(id: string, conditions: unknown[]): SavedSegment {
  const at = new Date("2026-03-10T12:00:00Z");
  return {
    id,
    workspaceId: "w",
    name: id,
    description: "",
    kind: "dynamic",
    status: "active",
    rule: parseSegmentRule({ type: "group", combinator: "and", conditions }),
    templateKey: null,
    recomputedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

const SEGMENTS = [
  segment("a-detractors", [{ type: "nps", band: "detractor" }]),
  segment("b-quiet", [
    { type: "event", event: "$any", operator: "not_performed", window: { type: "last", amount: 30, unit: "days" } },
  ]),
  segment("c-pro", [{ type: "trait", trait: "plan", test: { type: "string", operator: "equals", value: "pro" } }]),
  segment("d-open-ticket", [{ type: "open_ticket", value: true }]),
  segment("e-buyers", [{ type: "commerce", measure: "orders", test: { type: "number", operator: "gte", value: 2 } }]),
];

const day = "2026-03-10";
// 1 viewed a page; 2 answered NPS (a track event, so also active); 3 identified; 4 ordered twice.
const STORED = [
  { customerId: 1, type: "page", name: "Home", day },
  { customerId: 2, type: "track", name: "NPS Submitted", day },
  { customerId: 3, type: "identify", name: null, day },
  { customerId: 4, type: "track", name: "Order Completed", day },
  { customerId: 4, type: "track", name: "Order Completed", day },
];

const plan = (rewritten: number[]) =>
  Object.fromEntries(
    planIncrementalRefresh(SEGMENTS, DEFAULT_METRIC_SETTINGS, STORED, rewritten).map((s) => [
      s.segment.id,
      s.customerIds,
    ]),
  );

describe("planIncrementalRefresh", () => {
  it("re-evaluates each segment for the customers whose events its rule reads", () => {
    expect(plan([])).toEqual({
      "a-detractors": [2],
      "b-quiet": [1, 2, 4],
      "c-pro": [3],
      "e-buyers": [4],
    });
  });

  it("re-evaluates rewritten histories for every segment, tickets included", () => {
    expect(plan([9, 3])).toEqual({
      "a-detractors": [2, 3, 9],
      "b-quiet": [1, 2, 3, 4, 9],
      "c-pro": [3, 9],
      "d-open-ticket": [3, 9],
      "e-buyers": [3, 4, 9],
    });
  });
});
