import type { z } from "zod";
import { Invalid } from "@/lib/errors";
import { type SegmentRule, segmentRuleSchema } from "./rule-schema";

export type RuleErrors = Record<string, string>;

/** zod issues keyed by the path of the offending condition ("conditions.1.conditions.0.count.value"). */
export function ruleErrors(error: z.ZodError, prefix: (string | number)[] = []): RuleErrors {
  const fields: RuleErrors = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path].map(String).join(".") || "rule";
    const message =
      issue.code === "invalid_union" && issue.path.at(-1) === "type"
        ? "Unknown condition type"
        : (issue.code === "invalid_type" || issue.code === "invalid_value") &&
            "input" in issue &&
            issue.input === undefined
          ? "Required"
          : issue.message;
    fields[key] ??= message;
  }
  return fields;
}

/** For the builder: the rule, or the errors by path, without throwing. */
export function checkSegmentRule(input: unknown): { ok: true; rule: SegmentRule } | { ok: false; errors: RuleErrors } {
  const parsed = segmentRuleSchema.safeParse(input, { reportInput: true });
  return parsed.success ? { ok: true, rule: parsed.data } : { ok: false, errors: ruleErrors(parsed.error) };
}

/**
 * Validates a rule (rule-schema.ts). Throws Invalid whose fields map each offending path to its problem and
 * whose message names the first one, so a 400 says where to look. `prefix` places the paths inside a larger
 * body (e.g. ["rule"]).
 */
export function parseSegmentRule(input: unknown, prefix: (string | number)[] = []): SegmentRule {
  const parsed = segmentRuleSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const fields = ruleErrors(parsed.error, prefix);
  const [path, message] = Object.entries(fields)[0] ?? ["rule", "Invalid rule"];
  throw new Invalid(`Invalid segment rule at ${path}: ${message}`, fields);
}
