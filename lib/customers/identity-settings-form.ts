import type { z } from "zod";
import { type IdentitySettings, identitySettingsSchema } from "./identity-settings";

/** What the settings form posts: the blocked values one per line, the limit as typed. */
export type IdentitySettingsFormValues = { blockedIdentityValues: string; maxUsersPerAnonymousId: string };

export type ParsedIdentitySettingsForm =
  | { ok: true; settings: IdentitySettings }
  | { ok: false; fields: Record<string, string> };

/**
 * Turns the form into settings: one value per line (blank lines dropped, duplicates folded case-insensitively,
 * as matching is case-insensitive), the limit as a whole number. Errors are keyed by form field; a bad value
 * names its line, so a long list can be fixed without guessing.
 */
export function parseIdentitySettingsForm(values: IdentitySettingsFormValues): ParsedIdentitySettingsForm {
  const lines = values.blockedIdentityValues.split(/\r?\n/);
  const seen = new Set<string>();
  const blocked: string[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, i) => {
    const value = line.trim();
    if (value === "" || seen.has(value.toLowerCase())) return;
    seen.add(value.toLowerCase());
    blocked.push(value);
    lineOf.push(i + 1);
  });
  const limitText = values.maxUsersPerAnonymousId.trim();
  const limit = /^-?\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
  const parsed = identitySettingsSchema.safeParse({ blockedIdentityValues: blocked, maxUsersPerAnonymousId: limit });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, fields: formFieldErrors(parsed.error, lineOf) };
}

function formFieldErrors(error: z.ZodError, lineOf: readonly number[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [field, item] = issue.path;
    if (field === "blockedIdentityValues") {
      const line = typeof item === "number" ? lineOf[item] : undefined;
      fields.blockedIdentityValues ??= line === undefined ? issue.message : `Line ${line}: ${issue.message}`;
    } else if (field === "maxUsersPerAnonymousId") {
      fields.maxUsersPerAnonymousId ??= issue.message;
    }
  }
  return fields;
}
