import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/respond";
import { parseSegmentRule } from "../parse";
import type { SegmentRule } from "../rule-schema";
import { SEGMENT_KINDS, SEGMENT_STATUSES, type SegmentKind, type SegmentStatus } from "./types";

const nameSchema = z
  .string({ message: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(120, "A name is at most 120 characters");
const descriptionSchema = z
  .string({ message: "Use text" })
  .trim()
  .max(1000, "A description is at most 1,000 characters");

const createSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish(),
  kind: z.enum(SEGMENT_KINDS, { message: "Use dynamic or static" }).default("dynamic"),
  status: z.enum(SEGMENT_STATUSES, { message: "Use draft or active" }).optional(),
  rule: z.unknown().optional(),
});

const patchSchema = z
  .object({
    name: nameSchema.optional(),
    description: descriptionSchema.nullish(),
    status: z.enum(SEGMENT_STATUSES, { message: "Use draft or active" }).optional(),
    rule: z.unknown().optional(),
  })
  .strict();

export type SegmentCreateInput = {
  name: string;
  description: string;
  kind: SegmentKind;
  status: SegmentStatus;
  rule: SegmentRule | null;
};
export type SegmentPatchInput = Partial<{
  name: string;
  description: string;
  status: SegmentStatus;
  rule: SegmentRule;
}>;

function invalid(error: z.ZodError, what: string): never {
  const fields = fieldErrors(error);
  const [path, message] = Object.entries(fields)[0] ?? ["body", "Invalid request"];
  throw new Invalid(`Invalid ${what} at ${path}: ${message}`, fields);
}

/**
 * POST /api/v1/segments body. A dynamic segment needs a rule (errors at `rule.conditions.…`) and starts as a
 * draft unless told otherwise; a static segment has no rule (its members are uploaded) and starts active.
 */
export function parseSegmentCreate(body: unknown): SegmentCreateInput {
  const parsed = createSchema.safeParse(body);
  if (!parsed.success) invalid(parsed.error, "segment");
  const { name, description, kind, status, rule } = parsed.data;
  if (kind === "static") {
    if (rule !== undefined && rule !== null) {
      throw new Invalid("A static segment has no rule: upload its members instead.", {
        rule: "A static segment has no rule",
      });
    }
    return { name, description: description ?? "", kind, status: status ?? "active", rule: null };
  }
  if (rule === undefined || rule === null) {
    throw new Invalid("Invalid segment at rule: Required", { rule: "Required" });
  }
  return {
    name,
    description: description ?? "",
    kind,
    status: status ?? "draft",
    rule: parseSegmentRule(rule, ["rule"]),
  };
}

/** PATCH /api/v1/segments/:id body: any of name, description, status, rule. */
export function parseSegmentPatch(body: unknown): SegmentPatchInput {
  const parsed = patchSchema.safeParse(body);
  if (!parsed.success) invalid(parsed.error, "segment");
  const { name, description, status, rule } = parsed.data;
  const patch: SegmentPatchInput = {};
  if (name !== undefined) patch.name = name;
  if (description !== undefined) patch.description = description ?? "";
  if (status !== undefined) patch.status = status;
  if (rule !== undefined) patch.rule = parseSegmentRule(rule, ["rule"]);
  return patch;
}
