import { beforeAll, expect, it, vi } from "vitest";
import { type Capability, can, type Role } from "@/lib/auth/roles";
import { Forbidden } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { parseSegmentRule } from "./parse";
import { countAndSample } from "./preview";
import { buildSegmentFixture, NOW } from "./test-fixture";

// The route's adapters: a signed-in user of the fixture workspace with a role the test picks, and the test
// database. The role check is the real capability table.
const state = vi.hoisted(() => ({ workspaceId: "", db: null as unknown, role: "marketer" as string }));
vi.mock("@/lib/auth/api-access", () => ({
  requireApiAccess: async (_request: Request, capability: Capability) => {
    if (!can(state.role as Role, capability)) throw new Forbidden(`Your role (${state.role}) cannot do this.`);
    return {
      via: "session",
      workspace: { id: state.workspaceId, timeZone: "America/New_York", currency: "USD" },
      userId: "u",
    };
  },
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const { POST } = await import("@/app/api/v1/segments/preview/route");

const workedOut = {
  type: "group",
  combinator: "and",
  conditions: [
    { type: "trait", trait: "family", test: { type: "string", operator: "equals", value: "events" } },
    { type: "event", event: "Workout Logged", operator: "performed" },
  ],
};

describeEachDatabase("segment preview", ({ database }) => {
  beforeAll(async () => {
    const db = database().db;
    state.db = db;
    state.workspaceId = (await buildSegmentFixture(db)).workspaceId;
  });

  // Customers 11, 12, 13 and 15 worked out; last seen 11 03-18 15:00Z, 13 03-17, 12 03-12, 15 03-05.
  it("counts every match and samples the most recently seen first", async () => {
    const db = database().db;
    const preview = await countAndSample(db, state.workspaceId, parseSegmentRule(workedOut), { sample: 2, now: NOW });
    expect(preview).toEqual({
      count: 4,
      sample: [
        { id: 11, userId: "user_11", email: "user11@example.com" },
        { id: 13, userId: "user_13", email: "user13@example.com" },
      ],
    });
    expect(await countAndSample(db, state.workspaceId, parseSegmentRule(workedOut), { sample: 0, now: NOW })).toEqual({
      count: 4,
      sample: [],
    });
  });

  it("counts 0 with an empty sample when nobody matches", async () => {
    const nobody = { ...workedOut, conditions: [...workedOut.conditions, { type: "nps", band: "promoter" }] };
    expect(await countAndSample(database().db, state.workspaceId, parseSegmentRule(nobody), { now: NOW })).toEqual({
      count: 0,
      sample: [],
    });
  });

  const post = (body: unknown) =>
    POST(
      new Request("http://localhost/api/v1/segments/preview", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );

  it("POST answers count, sample and summary", async () => {
    state.role = "marketer";
    const response = await post({ rule: workedOut, sample: 1 });
    expect(response.status).toBe(200);
    const body = await response.json();
    // "now" is the real clock here; "performed, ever" does not depend on it.
    expect(body).toEqual({
      count: 4,
      sample: [{ id: 11, userId: "user_11", email: "user11@example.com" }],
      summary: "Customers who have trait family equal to “events” and performed Workout Logged",
    });
  });

  it("400 names the path of the offending condition", async () => {
    state.role = "admin";
    const bad = {
      type: "group",
      combinator: "and",
      conditions: [
        workedOut.conditions[0],
        {
          type: "group",
          combinator: "or",
          conditions: [{ ...workedOut.conditions[1], count: { operator: "at_least", value: 0 } }],
        },
      ],
    };
    const response = await post({ rule: bad });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields).toEqual({
      "rule.conditions.1.conditions.0.count.value": "“At least 0 times” matches everyone; use 1 or more",
    });
    expect(body.error).toContain("rule.conditions.1.conditions.0.count.value");
  });

  it.each([
    ["malformed JSON", "{", "body"],
    ["no rule", { sample: 3 }, "rule"],
    ["a sample over 100", { rule: workedOut, sample: 500 }, "sample"],
    [
      "membership without saved segments",
      { rule: { ...workedOut, conditions: [{ type: "segment", segmentId: "x", operator: "in" }] } },
      "rule.conditions.0.segmentId",
    ],
  ])("400 for %s", async (_label, body, field) => {
    state.role = "marketer";
    const response = await post(body);
    expect(response.status).toBe(400);
    const json = await response.json();
    if (field === "body") expect(json.error).toMatch(/valid JSON/);
    else expect(Object.keys(json.fields)).toEqual([field]);
  });

  it("403 for roles that cannot change marketing (manager, support)", async () => {
    for (const role of ["manager", "support"]) {
      state.role = role;
      const response = await post({ rule: workedOut });
      expect(response.status).toBe(403);
    }
  });
});
