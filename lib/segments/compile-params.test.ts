import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/metrics/settings";
import { compileSegmentRule } from "./compile";
import { parseSegmentRule } from "./parse";

// Values a client controls, each written so that splicing it into the SQL text would be visible.
const HOSTILE = ["x'); drop table customers; --", "Evil Event'--", "cat$1", 'prop"name', "Europe/Berlin'"];

describe("compiled SQL", () => {
  it("binds every value from the rule and the context as a parameter", async () => {
    const [text, event, category, property] = HOSTILE as [string, string, string, string];
    const rule = parseSegmentRule({
      type: "group",
      combinator: "or",
      conditions: [
        { type: "trait", trait: text, test: { type: "string", operator: "in", values: [text, event] } },
        {
          type: "event",
          event,
          operator: "performed",
          count: { operator: "at_least", value: 3 },
          window: { type: "last", amount: 7, unit: "days" },
          where: [{ property, test: { type: "date", operator: "before", date: "2026-01-31" } }],
        },
        { type: "frequency_change", event, windowDays: 14, direction: "rose", percent: 25 },
        { type: "tickets_in_category", category, days: 30 },
        { type: "event_time", event, which: "first", operator: "within_last", days: 3 },
        { type: "signup", test: { type: "date", operator: "within_last", days: 30 } },
      ],
    });
    const compiled = await compileSegmentRule(rule, {
      workspaceId: "00000000-0000-0000-0000-000000000001",
      timeZone: "America/New_York",
      settings: { ...DEFAULT_METRIC_SETTINGS, signupEvent: HOSTILE[4] as string },
      now: new Date("2026-03-18T16:00:00Z"),
    });
    const query = new PgDialect().sqlToQuery(compiled);
    for (const value of [text, event, category, property, HOSTILE[4] as string]) {
      expect(query.sql).not.toContain(value);
      expect(query.params).toContain(value);
    }
    expect(query.params).toContain("America/New_York");
    expect(query.sql).not.toContain("America/New_York");
  });
});
