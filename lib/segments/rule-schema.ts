import { z } from "zod";
import {
  dateTestSchema,
  daysSchema,
  localDateSchema,
  numberCompareSchema,
  numberTestSchema,
  valueTestSchema,
} from "./value-test-schema";

/**
 * The segment rule language: one schema shared by the builder UI and the server (docs/segments.md). A rule is
 * a group of conditions combined with AND or OR, optionally negated (NOT); groups nest. Every condition is a
 * test on one customer; the compiler (compile.ts) turns the whole tree into one parameterised SQL predicate.
 */

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}`)
    .max(200, `${what[0]?.toUpperCase()}${what.slice(1)} is at most 200 characters`);

/** "$any": any track, page or screen event (what METRICS.md calls active); otherwise an event name. */
export const ANY_EVENT = "$any";
const eventName = name("an event name");

/** How many times: at least / at most / exactly N. */
export const countSchema = z
  .object({
    operator: z.enum(["at_least", "at_most", "exactly"]),
    value: z.number().int("Use a whole number").min(0, "Cannot be negative").max(1_000_000, "At most 1,000,000"),
  })
  .refine((c) => c.operator !== "at_least" || c.value >= 1, {
    message: "“At least 0 times” matches everyone; use 1 or more",
    path: ["value"],
  });

/** When events count: ever, the last N days or weeks (calendar days in the workspace time zone), or dates. */
export const eventWindowSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all_time") }),
  z.object({
    type: z.literal("last"),
    amount: z.number().int("Use a whole number").min(1, "At least 1").max(3650, "At most 3650"),
    unit: z.enum(["days", "weeks"]),
  }),
  z
    .object({ type: z.literal("between"), from: localDateSchema, to: localDateSchema })
    .refine((w) => w.from <= w.to, { message: "The end date must not be before the start date", path: ["to"] }),
]);

export const propertyFilterSchema = z.object({
  property: name("a property name"),
  test: valueTestSchema,
});

const eventCondition = z
  .object({
    type: z.literal("event"),
    event: eventName,
    operator: z.enum(["performed", "not_performed"]),
    /** Only with "performed"; default at least once. */
    count: countSchema.optional(),
    window: eventWindowSchema.default({ type: "all_time" }),
    where: z.array(propertyFilterSchema).max(10, "At most 10 property filters").default([]),
  })
  .superRefine((c, ctx) => {
    if (c.operator === "not_performed" && c.count) {
      ctx.addIssue({
        code: "custom",
        message: "“Not performed” takes no count; use “at most” instead",
        path: ["count"],
      });
    }
    if (c.event === ANY_EVENT && c.where.length > 0) {
      ctx.addIssue({ code: "custom", message: "Property filters need a named event", path: ["where"] });
    }
  });

const eventTimeCondition = z.object({
  type: z.literal("event_time"),
  event: eventName,
  which: z.enum(["first", "last"]),
  operator: z.enum(["within_last", "more_than_ago"]),
  days: daysSchema,
});

const frequencyChangeCondition = z
  .object({
    type: z.literal("frequency_change"),
    event: eventName,
    /** Length of each of the two windows compared: the last N days and the N days before them. */
    windowDays: z.number().int("Use a whole number of days").min(1, "At least 1 day").max(365, "At most 365 days"),
    direction: z.enum(["fell", "rose"]),
    /** By at least this many percent of the previous window's count. */
    percent: z.number().gt(0, "More than 0 %").max(10_000, "At most 10,000 %"),
    where: z.array(propertyFilterSchema).max(10, "At most 10 property filters").default([]),
  })
  .superRefine((c, ctx) => {
    if (c.direction === "fell" && c.percent > 100) {
      ctx.addIssue({ code: "custom", message: "A count can fall by at most 100 %", path: ["percent"] });
    }
    if (c.event === ANY_EVENT && c.where.length > 0) {
      ctx.addIssue({ code: "custom", message: "Property filters need a named event", path: ["where"] });
    }
  });

const commerceCondition = z.object({
  type: z.literal("commerce"),
  measure: z.enum(["orders", "lifetime_revenue", "days_since_last_order"]),
  test: numberCompareSchema,
});

const signupCondition = z.object({ type: z.literal("signup"), test: dateTestSchema });
const activatedCondition = z.object({ type: z.literal("activated"), value: z.boolean() });
const onboardingCondition = z.object({ type: z.literal("onboarding_complete"), value: z.boolean() });

export const LIFECYCLE_STATUSES = ["new", "returning", "resurrecting", "dormant"] as const;
const lifecycleCondition = z.object({
  type: z.literal("lifecycle_status"),
  status: z.enum(LIFECYCLE_STATUSES),
  /** The status in the last complete period of this length (docs/segments.md). */
  period: z.enum(["day", "week", "month"]).default("week"),
});

export const NPS_BANDS = ["promoter", "passive", "detractor"] as const;
const npsCondition = z.object({ type: z.literal("nps"), band: z.enum(NPS_BANDS) });
const openTicketCondition = z.object({ type: z.literal("open_ticket"), value: z.boolean() });
const ticketAgeCondition = z.object({
  type: z.literal("unresolved_ticket_older_than"),
  hours: z.number().int("Use a whole number of hours").min(1, "At least 1 hour").max(87_600, "At most 87,600 hours"),
});
const ticketCategoryCondition = z.object({
  type: z.literal("tickets_in_category"),
  category: name("a category"),
  days: daysSchema,
  count: countSchema.default({ operator: "at_least", value: 1 }),
});
const csatCondition = z.object({ type: z.literal("last_csat"), test: numberTestSchema });

const segmentCondition = z.object({
  type: z.literal("segment"),
  segmentId: z.string().trim().min(1, "Pick a segment").max(100, "Not a segment id"),
  operator: z.enum(["in", "not_in"]),
});

export const MAX_DEPTH = 6;
export const MAX_CONDITIONS = 100;

export type SegmentGroup = {
  type: "group";
  combinator: "and" | "or";
  negate: boolean;
  conditions: SegmentNode[];
};
export type SegmentGroupInput = {
  type: "group";
  combinator: "and" | "or";
  negate?: boolean | undefined;
  conditions: SegmentNodeInput[];
};

const conditionOptions = [
  z.object({ type: z.literal("trait"), trait: name("a trait name"), test: valueTestSchema }),
  eventCondition,
  eventTimeCondition,
  frequencyChangeCondition,
  commerceCondition,
  signupCondition,
  activatedCondition,
  onboardingCondition,
  lifecycleCondition,
  npsCondition,
  openTicketCondition,
  ticketAgeCondition,
  ticketCategoryCondition,
  csatCondition,
  segmentCondition,
] as const;

export const conditionSchema = z.discriminatedUnion("type", [...conditionOptions]);

export type SegmentCondition = z.infer<typeof conditionSchema>;
export type SegmentConditionInput = z.input<typeof conditionSchema>;
export type SegmentNode = SegmentGroup | SegmentCondition;
export type SegmentNodeInput = SegmentGroupInput | SegmentConditionInput;

/** A group: AND / OR of its conditions, NOT when negated. An empty group matches every customer. */
const groupObject = z.object({
  type: z.literal("group"),
  combinator: z.enum(["and", "or"]),
  negate: z.boolean().default(false),
  get conditions() {
    return z.array(nodeSchema).max(50, "At most 50 conditions in one group");
  },
});
export const groupSchema: z.ZodType<SegmentGroup, SegmentGroupInput> = groupObject;

/** A group or a condition, told apart by `type`, so a bad condition reports its own path (conditions.1.count). */
export const nodeSchema: z.ZodType<SegmentNode, SegmentNodeInput> = z.discriminatedUnion("type", [
  z.lazy(() => groupObject),
  ...conditionOptions,
]);

/** A whole rule: the top-level group, with limits on its depth and size checked over the whole tree. */
export const segmentRuleSchema = groupSchema.superRefine((rule, ctx) => {
  let count = 0;
  const walk = (group: SegmentGroup, depth: number, path: (string | number)[]) => {
    if (depth > MAX_DEPTH) {
      ctx.addIssue({ code: "custom", message: `Groups nest at most ${MAX_DEPTH} deep`, path });
      return;
    }
    group.conditions.forEach((node, i) => {
      count += 1;
      if (node.type === "group") walk(node, depth + 1, [...path, "conditions", i]);
    });
  };
  walk(rule, 1, []);
  if (count > MAX_CONDITIONS) {
    ctx.addIssue({ code: "custom", message: `A rule has at most ${MAX_CONDITIONS} conditions`, path: ["conditions"] });
  }
});

export type SegmentRule = SegmentGroup;
export type SegmentRuleInput = SegmentGroupInput;
