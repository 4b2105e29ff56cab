import { z } from "zod";
import { NotFound } from "@/lib/errors";

/**
 * Highest per-key rate limit an admin may set: a sanity bound that catches a typo'd extra digit, well above
 * the tracking API's default (INGEST_RATE_LIMIT, 20,000/s unless configured).
 */
export const MAX_RATE_LIMIT_PER_SECOND = 1_000_000;

export const sourceNameSchema = z
  .string({ message: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(80, "Use at most 80 characters");

/**
 * Events per second for one key, or null for the tracking API's default. Forms send "" for "default", the
 * JSON API sends null; both mean the same. Leaving the field out of a change (undefined) changes nothing.
 */
export const rateLimitSchema = z.preprocess(
  (value) => (typeof value !== "string" ? value : value.trim() === "" ? null : Number(value)),
  z
    .number({ message: "Enter a whole number of events per second, or leave it empty for the default" })
    .int("Enter a whole number of events per second")
    .min(1, "Allow at least 1 event per second, or leave it empty for the default")
    .max(MAX_RATE_LIMIT_PER_SECOND, `Use at most ${MAX_RATE_LIMIT_PER_SECOND.toLocaleString("en-US")} per second`)
    .nullable(),
);

export const newSourceSchema = z.object({ name: sourceNameSchema });
export type NewSource = z.infer<typeof newSourceSchema>;

export const sourceChangesSchema = z
  .object({ name: sourceNameSchema.optional(), rateLimitPerSecond: rateLimitSchema.optional() })
  .refine((c) => c.name !== undefined || c.rateLimitPerSecond !== undefined, {
    message: "Send name and/or rateLimitPerSecond",
  });
export type SourceChanges = z.infer<typeof sourceChangesSchema>;

export const sourceIdSchema = z.uuid("Unknown source");

/** A source id from a URL or form; a malformed one is a source that does not exist (404), not bad input. */
export function parseSourceId(value: unknown): string {
  const parsed = sourceIdSchema.safeParse(value);
  if (!parsed.success) throw new NotFound("That source does not exist in this workspace");
  return parsed.data;
}
