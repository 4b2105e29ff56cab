import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { compileSegmentRule } from "./compile";
import type { ResolvedSegment, SegmentCompileContext } from "./context";
import { parseSegmentRule } from "./parse";
import { buildSegmentFixture } from "./test-fixture";

const group = (conditions: unknown[], combinator = "and") => ({ type: "group", combinator, conditions });
const inSegment = (segmentId: string, operator = "in") => ({ type: "segment", segmentId, operator });
const traitsFamily = { type: "trait", trait: "family", test: { type: "string", operator: "equals", value: "traits" } };
const planPro = { type: "trait", trait: "plan", test: { type: "string", operator: "equals", value: "pro" } };
const young = { type: "trait", trait: "age", test: { type: "number", operator: "lt", value: 30 } };

/** An in-memory stand-in for the segments table. */
const SEGMENTS = new Map<string, ResolvedSegment>(
  [
    { id: "pro", name: "Pro", rule: group([planPro]) },
    { id: "young-pro", name: "Young Pro", rule: group([inSegment("pro"), young]) },
    { id: "loop-a", name: "Loop A", rule: group([inSegment("loop-b")]) },
    { id: "loop-b", name: "Loop B", rule: group([young, inSegment("loop-a")]) },
    { id: "broken", name: "Broken", rule: group([inSegment("ghost")]) },
  ].map((s) => [s.id, { ...s, rule: parseSegmentRule(s.rule) }]),
);

describeEachDatabase("segment membership", ({ database }) => {
  let context: SegmentCompileContext;
  beforeAll(async () => {
    context = { ...(await buildSegmentFixture(database().db)), resolveSegment: (id) => SEGMENTS.get(id) ?? null };
  });

  async function ids(rule: unknown, extra: Partial<SegmentCompileContext> = {}) {
    const compiled = await compileSegmentRule(parseSegmentRule(rule), { ...context, ...extra });
    return (await rows<{ id: number }>(database().db, sql`${compiled} order by 1`)).map((r) => Number(r.id));
  }

  async function failure(rule: unknown, extra: Partial<SegmentCompileContext> = {}): Promise<Invalid> {
    const error = await ids(rule, extra).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    return error as Invalid;
  }

  it("is in a segment: its rule inline (plan equals pro: customers 1 and 2)", async () => {
    expect(await ids(group([traitsFamily, inSegment("pro")]))).toEqual([1, 2]);
    expect(await ids(group([traitsFamily, inSegment("pro", "not_in")]))).toEqual([3, 4, 5, 6]);
  });

  it("segments nest: Young Pro = in Pro and age < 30 (customer 2, 19.5)", async () => {
    expect(await ids(group([traitsFamily, inSegment("young-pro")]))).toEqual([2]);
  });

  it("rejects a loop and names the chain at the condition that starts it", async () => {
    const error = await failure(group([traitsFamily, inSegment("loop-a")]));
    expect(error.fields).toEqual({
      "conditions.1.segmentId": "Segments cannot refer to each other in a loop: “Loop A” → “Loop B” → “Loop A”.",
    });
  });

  it("rejects a saved segment that refers to itself", async () => {
    const error = await failure(group([inSegment("young-pro")]), { self: { id: "pro", name: "Pro" } });
    expect(error.message).toBe("Segments cannot refer to each other in a loop: “Pro” → “Young Pro” → “Pro”.");
  });

  it("names an unknown segment, also one inside a referenced segment", async () => {
    expect((await failure(group([inSegment("nope")]))).fields).toEqual({
      "conditions.0.segmentId": "There is no segment with id nope in this workspace.",
    });
    expect((await failure(group([traitsFamily, inSegment("broken")]))).fields).toEqual({
      "conditions.1.segmentId": "In segment “Broken”: There is no segment with id ghost in this workspace.",
    });
  });

  it("without a resolver, membership is refused rather than guessed", async () => {
    const error = await failure(group([inSegment("pro")]), { resolveSegment: undefined });
    expect(error.fields["conditions.0.segmentId"]).toMatch(/no saved segments/);
  });
});
