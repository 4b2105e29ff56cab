import { beforeAll, describe, expect, it, vi } from "vitest";
import { type Capability, can, type Role } from "@/lib/auth/roles";
import { Forbidden } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { buildSegmentFixture } from "../test-fixture";

// The routes' adapters: a signed-in user of the fixture workspace with the role a test picks, and the test
// database. The role check is the real capability table.
const state = vi.hoisted(() => ({ workspaceId: "", db: null as unknown, role: "marketer" as string }));
vi.mock("@/lib/auth/api-access", () => ({
  requireApiAccess: async (_request: Request, capability: Capability) => {
    if (!can(state.role as Role, capability)) throw new Forbidden(`Your role (${state.role}) cannot do this.`);
    return {
      via: "session",
      workspace: { id: state.workspaceId, timeZone: "America/New_York", currency: "USD" },
      userId: null,
    };
  },
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const list = await import("@/app/api/v1/segments/route");
const one = await import("@/app/api/v1/segments/[id]/route");
const members = await import("@/app/api/v1/segments/[id]/members/route");
const membersCsv = await import("@/app/api/v1/segments/[id]/members.csv/route");
const history = await import("@/app/api/v1/segments/[id]/history/route");
const upload = await import("@/app/api/v1/segments/[id]/upload/route");
const duplicate = await import("@/app/api/v1/segments/[id]/duplicate/route");
const templates = await import("@/app/api/v1/segments/templates/route");
const preview = await import("@/app/api/v1/segments/preview/route");

const family = (name: string) => ({
  type: "trait",
  trait: "family",
  test: { type: "string", operator: "equals", value: name },
});
const rule = (...conditions: unknown[]) => ({ type: "group", combinator: "and", conditions });
const BASE = "http://localhost/api/v1/segments";
const request = (path: string, method = "GET", body?: unknown) =>
  new Request(`${BASE}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : {
          headers: { "content-type": "application/json" },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const as = (role: Role) => {
  state.role = role;
};
const create = async (body: unknown) => list.POST(request("", "POST", body));

describeEachDatabase("segments API", ({ database }) => {
  beforeAll(async () => {
    state.db = database().db;
    state.workspaceId = (await buildSegmentFixture(database().db)).workspaceId;
  });

  describe("create, read, update", () => {
    let id = "";

    it("POST creates a draft (201) with the contract's fields; drafts keep no members", async () => {
      as("marketer");
      const response = await create({
        name: "Traits family",
        description: "Hand-built",
        status: "draft",
        rule: rule(family("traits")),
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      id = body.id;
      expect(body).toMatchObject({
        name: "Traits family",
        description: "Hand-built",
        kind: "dynamic",
        status: "draft",
        members: null,
        summary: "Customers who have trait family equal to “traits”",
      });
      expect(body.rule.conditions).toHaveLength(1);
      expect(Object.keys(body).sort()).toEqual(
        ["createdAt", "description", "id", "kind", "members", "name", "rule", "status", "summary", "updatedAt"].sort(),
      );
    });

    it("PATCH to active computes members: family “traits” is customers 1–6 (7 is merged into 1)", async () => {
      const response = await one.PATCH(request(`/${id}`, "PATCH", { status: "active" }), params(id));
      expect(response.status).toBe(200);
      expect((await response.json()).members).toBe(6);
      const detail = await (await one.GET(request(`/${id}`), params(id))).json();
      expect(detail).toMatchObject({ members: 6, enteredLast7Days: 6, exitedLast7Days: 0 });
    });

    it("PATCH of the rule recomputes: families traits or events = 6 + 6 (11–16), then back to traits only", async () => {
      const wider = { type: "group", combinator: "or", conditions: [family("traits"), family("events")] };
      let body = await (await one.PATCH(request(`/${id}`, "PATCH", { rule: wider }), params(id))).json();
      expect(body.members).toBe(12);
      body = await (await one.PATCH(request(`/${id}`, "PATCH", { rule: rule(family("traits")) }), params(id))).json();
      expect(body.members).toBe(6);
      // 6 entered first, then 6 more entered and the same 6 exited: 12 entries and 6 exits this week.
      const detail = await (await one.GET(request(`/${id}`), params(id))).json();
      expect(detail).toMatchObject({ enteredLast7Days: 12, exitedLast7Days: 6 });
    });

    it("GET lists the segment with its size", async () => {
      as("manager");
      const body = await (await list.GET(request(""))).json();
      expect(body.segments.find((s: { id: string }) => s.id === id)).toMatchObject({ members: 6, status: "active" });
    });

    it("members are keyset-paged without skips or repeats; total is the whole count", async () => {
      as("manager");
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/${id}/members?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const body = await (await members.GET(request(query), params(id))).json();
        expect(body.total, JSON.stringify(body)).toBe(6);
        seen.push(...body.members.map((m: { id: number }) => m.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor);
      // 6 members at 4 a page: 2 pages. Same entry time for all, so the order is by id, descending.
      expect(pages).toBe(2);
      expect(seen).toEqual([6, 5, 4, 3, 2, 1]);
      const first = await (await members.GET(request(`/${id}/members?limit=1`), params(id))).json();
      expect(first.members[0]).toMatchObject({ id: 6, userId: "user_6", email: "user6@example.com" });
      expect(typeof first.members[0].enteredAt).toBe("string");
    });

    it("members paging refuses a forged cursor and a limit over 500 with 400", async () => {
      const bad = await members.GET(request(`/${id}/members?cursor=nonsense`), params(id));
      expect(bad.status).toBe(400);
      expect((await bad.json()).fields).toEqual({ cursor: "Invalid cursor" });
      const big = await members.GET(request(`/${id}/members?limit=501`), params(id));
      expect(Object.keys((await big.json()).fields)).toEqual(["limit"]);
    });

    it("members.csv exports every member with a header", async () => {
      const response = await membersCsv.GET(request(`/${id}/members.csv`), params(id));
      expect(response.headers.get("content-type")).toContain("text/csv");
      const lines = (await response.text()).trim().split("\r\n");
      expect(lines[0]).toBe("id,user_id,email,entered_at");
      expect(lines).toHaveLength(7);
      expect(lines[1]).toMatch(/^6,user_6,user6@example.com,\d{4}-\d\d-\d\dT/);
    });

    it("history ends today at the current size", async () => {
      const body = await (await history.GET(request(`/${id}/history?days=3`), params(id))).json();
      expect(body.points).toHaveLength(3);
      expect(body.points.at(-1).members).toBe(6);
    });

    it("duplicate makes a draft copy named “(copy)”, then “(copy 2)”", async () => {
      as("admin");
      const first = await duplicate.POST(request(`/${id}/duplicate`, "POST"), params(id));
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ name: "Traits family (copy)", status: "draft", members: null });
      const second = await (await duplicate.POST(request(`/${id}/duplicate`, "POST"), params(id))).json();
      expect(second.name).toBe("Traits family (copy 2)");
    });

    it("409 when the name is taken (ignoring case)", async () => {
      as("marketer");
      const response = await create({ name: "traits FAMILY", status: "draft", rule: rule() });
      expect(response.status).toBe(409);
      expect((await response.json()).error).toMatch(/already exists/);
    });

    it("DELETE is refused (409, naming the user) while another rule refers to the segment, then 204 and 404", async () => {
      as("marketer");
      const user = await (
        await create({
          name: "Uses traits",
          status: "active",
          rule: rule({ type: "segment", segmentId: id, operator: "in" }),
        })
      ).json();
      expect(user.members).toBe(6);
      expect(user.summary).toBe("Customers who are in segment “Traits family”");
      const refused = await one.DELETE(request(`/${id}`, "DELETE"), params(id));
      expect(refused.status).toBe(409);
      expect((await refused.json()).error).toContain("“Uses traits”");
      expect((await one.DELETE(request(`/${user.id}`, "DELETE"), params(user.id))).status).toBe(204);
      expect((await one.DELETE(request(`/${id}`, "DELETE"), params(id))).status).toBe(204);
      const gone = await one.GET(request(`/${id}`), params(id));
      expect(gone.status).toBe(404);
      expect((await gone.json()).error).toMatch(/no segment/);
    });
  });

  it("400 with the path of the offending condition, and of the name", async () => {
    as("marketer");
    const bad = rule(family("traits"), {
      type: "group",
      combinator: "or",
      conditions: [
        { type: "event", event: "Logged In", operator: "performed", count: { operator: "at_least", value: 0 } },
      ],
    });
    const response = await create({ name: "Bad", status: "active", rule: bad });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields).toEqual({
      "rule.conditions.1.conditions.0.count.value": "“At least 0 times” matches everyone; use 1 or more",
    });
    expect(body.error).toContain("rule.conditions.1.conditions.0.count.value");
    const unnamed = await (await create({ name: "  ", status: "draft", rule: rule() })).json();
    expect(unnamed.fields).toEqual({ name: "Enter a name" });
    const unknown = await (
      await create({
        name: "Ghost ref",
        status: "draft",
        rule: rule({ type: "segment", segmentId: "nope", operator: "in" }),
      })
    ).json();
    expect(unknown.fields).toEqual({
      "rule.conditions.0.segmentId": "There is no segment with id nope in this workspace.",
    });
  });

  it("a rule cannot loop back to the segment being changed", async () => {
    as("marketer");
    const a = await (await create({ name: "Loop A", status: "draft", rule: rule(family("traits")) })).json();
    const b = await (
      await create({
        name: "Loop B",
        status: "draft",
        rule: rule({ type: "segment", segmentId: a.id, operator: "in" }),
      })
    ).json();
    const response = await one.PATCH(
      request(`/${a.id}`, "PATCH", { rule: rule({ type: "segment", segmentId: b.id, operator: "not_in" }) }),
      params(a.id),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({
      "rule.conditions.0.segmentId": "Segments cannot refer to each other in a loop: “Loop A” → “Loop B” → “Loop A”.",
    });
  });

  it("roles: managers read but get 403 on every write; support reads nothing", async () => {
    as("marketer");
    const s = await (await create({ name: "Role check", status: "draft", rule: rule() })).json();
    as("manager");
    expect((await list.GET(request(""))).status).toBe(200);
    expect((await one.GET(request(`/${s.id}`), params(s.id))).status).toBe(200);
    expect((await templates.GET(request("/templates"))).status).toBe(200);
    expect((await create({ name: "Nope", status: "draft", rule: rule() })).status).toBe(403);
    expect((await one.PATCH(request(`/${s.id}`, "PATCH", { name: "x" }), params(s.id))).status).toBe(403);
    expect((await one.DELETE(request(`/${s.id}`, "DELETE"), params(s.id))).status).toBe(403);
    expect((await duplicate.POST(request(`/${s.id}/duplicate`, "POST"), params(s.id))).status).toBe(403);
    expect(
      (await upload.POST(request(`/${s.id}/upload`, "POST", { mode: "append", identifiers: ["x"] }), params(s.id)))
        .status,
    ).toBe(403);
    as("support");
    expect((await list.GET(request(""))).status).toBe(403);
    expect((await members.GET(request(`/${s.id}/members`), params(s.id))).status).toBe(403);
  });

  it("404 for an id that is not a segment of the workspace (also a malformed one)", async () => {
    as("admin");
    expect((await one.GET(request("/not-a-uuid"), params("not-a-uuid"))).status).toBe(404);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await members.GET(request(`/${missing}/members`), params(missing))).status).toBe(404);
  });

  it("static segments: replace vs append, unmatched rows reported with their line", async () => {
    as("marketer");
    const s = await (await create({ name: "VIP list", kind: "static" })).json();
    expect(s).toMatchObject({ kind: "static", status: "active", rule: null, members: 0 });
    // Lines: 1 user_1, 2 USER2@example.com (email, any case), 3 nobody, 4 user_7 (merged into 1: counts for 1).
    const first = await upload.POST(
      request(`/${s.id}/upload`, "POST", {
        mode: "replace",
        identifiers: ["user_1", "USER2@example.com", "nobody", "user_7"],
      }),
      params(s.id),
    );
    expect(await first.json()).toEqual({ matched: 2, added: 2, removed: 0, unmatched: [{ line: 3, value: "nobody" }] });
    // Append 3 (CSV with a header): members 1, 2, 3.
    const form = new FormData();
    form.set("mode", "append");
    form.set(
      "file",
      new File(["email,name\r\nuser3@example.com,Three\r\n\r\nghost@example.com,Ghost\r\n"], "list.csv"),
    );
    const appended = await upload.POST(
      new Request(`${BASE}/${s.id}/upload`, { method: "POST", body: form }),
      params(s.id),
    );
    expect(await appended.json()).toEqual({
      matched: 1,
      added: 1,
      removed: 0,
      unmatched: [{ line: 4, value: "ghost@example.com" }],
    });
    // Replace with 3 and 4: 1 and 2 leave, 4 enters, 3 stays.
    const replaced = await (
      await upload.POST(
        request(`/${s.id}/upload`, "POST", { mode: "replace", identifiers: ["user_3", "user_4"] }),
        params(s.id),
      )
    ).json();
    expect(replaced).toEqual({ matched: 2, added: 1, removed: 2, unmatched: [] });
    const page = await (await members.GET(request(`/${s.id}/members`), params(s.id))).json();
    expect(page.members.map((m: { id: number }) => m.id).sort()).toEqual([3, 4]);
    const detail = await (await one.GET(request(`/${s.id}`), params(s.id))).json();
    // 2 + 1 + 1 entries, 2 exits.
    expect(detail).toMatchObject({ members: 2, enteredLast7Days: 4, exitedLast7Days: 2 });
  });

  it("upload: no default mode, static segments only, a rule-based segment cannot refer to a static one", async () => {
    as("marketer");
    const s = await (await create({ name: "Static two", kind: "static" })).json();
    const noMode = await upload.POST(request(`/${s.id}/upload`, "POST", { identifiers: ["user_1"] }), params(s.id));
    expect((await noMode.json()).fields).toEqual({ mode: "Choose replace or append" });
    const dynamic = await (await create({ name: "Dynamic two", status: "draft", rule: rule() })).json();
    const wrongKind = await upload.POST(
      request(`/${dynamic.id}/upload`, "POST", { mode: "append", identifiers: ["user_1"] }),
      params(dynamic.id),
    );
    expect(wrongKind.status).toBe(400);
    const refersToStatic = await create({
      name: "Refers to static",
      status: "draft",
      rule: rule({ type: "segment", segmentId: s.id, operator: "in" }),
    });
    expect((await refersToStatic.json()).fields).toEqual({
      "rule.conditions.0.segmentId":
        "“Static two” is an uploaded (static) segment; a rule can only refer to rule-based segments.",
    });
  });

  it("preview resolves saved segments: in “Events family” and performed Workout Logged = 11, 12, 13, 15", async () => {
    as("marketer");
    const saved = await (await create({ name: "Events family", status: "draft", rule: rule(family("events")) })).json();
    const response = await preview.POST(
      request("/preview", "POST", {
        rule: rule(
          { type: "segment", segmentId: saved.id, operator: "in" },
          { type: "event", event: "Workout Logged", operator: "performed" },
        ),
        sample: 0,
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      count: 4,
      sample: [],
      summary: "Customers who are in segment “Events family” and performed Workout Logged",
    });
  });

  it("templates: the eight ready-made segments, each a valid rule", async () => {
    as("manager");
    const body = await (await templates.GET(request("/templates"))).json();
    expect(body.map((t: { key: string }) => t.key)).toEqual([
      "churn-declining-purchases",
      "churn-detractors",
      "churn-unresolved-support",
      "onboarding-incomplete-7-days",
      "activated-no-core-feature",
      "dormant-30-days",
      "power-users",
      "promoters",
    ]);
    as("marketer");
    for (const t of body) {
      const response = await preview.POST(request("/preview", "POST", { rule: t.rule, sample: 0 }));
      expect(response.status, t.key).toBe(200);
    }
  });
});
