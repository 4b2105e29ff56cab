import { z } from "zod";

/**
 * How one value (a customer trait or an event property) is tested. The same operators serve traits and event
 * property filters, so the builder shows one set of controls for both. `type` says how the stored value is read
 * (traits and properties are schemaless JSON), `operator` what is asked of it.
 */

const text = z.string().max(500, "At most 500 characters");
const localDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Use a date as YYYY-MM-DD")
  .refine(validDay, "Not a calendar date");
const finite = z.number().finite("Enter a number");
/** Whole days for relative windows: at least 1, at most 10 years. */
export const daysSchema = z
  .number()
  .int("Use a whole number of days")
  .min(1, "At least 1 day")
  .max(3650, "At most 3650 days");

function validDay(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === value;
}

const presence = z.enum(["is_set", "is_not_set"]);

export const stringTestSchema = z.discriminatedUnion("operator", [
  z.object({
    type: z.literal("string"),
    operator: z.enum(["equals", "not_equals", "contains", "starts_with"]),
    value: text,
  }),
  z.object({
    type: z.literal("string"),
    operator: z.literal("in"),
    values: z.array(text).min(1, "Add at least one value").max(200, "At most 200 values"),
  }),
  z.object({ type: z.literal("string"), operator: presence }),
]);

export const numberComparisons = ["eq", "neq", "lt", "lte", "gt", "gte"] as const;

const numberBetween = z
  .object({ type: z.literal("number"), operator: z.literal("between"), min: finite, max: finite })
  .refine((t) => t.min <= t.max, { message: "The upper bound must not be below the lower bound", path: ["max"] });

/** Number comparisons without "is set": for values every customer has (order count, revenue). */
export const numberCompareSchema = z.discriminatedUnion("operator", [
  z.object({ type: z.literal("number"), operator: z.enum(numberComparisons), value: finite }),
  numberBetween,
]);

export const numberTestSchema = z.discriminatedUnion("operator", [
  z.object({ type: z.literal("number"), operator: z.enum(numberComparisons), value: finite }),
  numberBetween,
  z.object({ type: z.literal("number"), operator: presence }),
]);

export const booleanTestSchema = z.object({
  type: z.literal("boolean"),
  operator: z.enum(["is_true", "is_false", "is_set", "is_not_set"]),
});

const dateBetween = z
  .object({ type: z.literal("date"), operator: z.literal("between"), from: localDate, to: localDate })
  .refine((t) => t.from <= t.to, { message: "The end date must not be before the start date", path: ["to"] });

export const dateTestSchema = z.discriminatedUnion("operator", [
  z.object({ type: z.literal("date"), operator: z.enum(["before", "after"]), date: localDate }),
  z.object({ type: z.literal("date"), operator: z.enum(["within_last", "more_than_ago"]), days: daysSchema }),
  dateBetween,
  z.object({ type: z.literal("date"), operator: presence }),
]);

export const valueTestSchema = z.discriminatedUnion("type", [
  stringTestSchema,
  numberTestSchema,
  booleanTestSchema,
  dateTestSchema,
]);

export type StringTest = z.infer<typeof stringTestSchema>;
export type NumberTest = z.infer<typeof numberTestSchema>;
export type NumberCompare = z.infer<typeof numberCompareSchema>;
export type BooleanTest = z.infer<typeof booleanTestSchema>;
export type DateTest = z.infer<typeof dateTestSchema>;
export type ValueTest = z.infer<typeof valueTestSchema>;
export { localDate as localDateSchema };
