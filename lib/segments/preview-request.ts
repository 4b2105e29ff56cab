import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/respond";
import { parseSegmentRule } from "./parse";
import type { SegmentRule } from "./rule-schema";

/** POST /api/v1/segments/preview body: `{ rule, sample? }` (docs/segments.md "Preview API"). */
const previewBodySchema = z.object({
  rule: z.unknown().refine((v) => v !== undefined, "Send the rule to preview"),
  sample: z.number().int("Use a whole number").min(0, "At least 0").max(100, "At most 100").default(20),
});

export type PreviewRequest = { rule: SegmentRule; sample: number };

/** Validates the body; errors name their path in the body (`rule.conditions.1.count.value`, `sample`). */
export function parsePreviewRequest(body: unknown): PreviewRequest {
  const parsed = previewBodySchema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [path, message] = Object.entries(fields)[0] ?? ["body", "Invalid request"];
    throw new Invalid(`Invalid preview request at ${path}: ${message}`, fields);
  }
  return { rule: parseSegmentRule(parsed.data.rule, ["rule"]), sample: parsed.data.sample };
}
