import { z } from "zod";
import type { WorkspaceSettings } from "@/lib/db/schema";

/**
 * The workspace's identity-resolution settings (workspaces.settings): extra blocked identifier values, on top
 * of the defaults in ./blocked.ts that always apply, and how many distinct users one anonymous id may merge
 * into (docs/identity.md "Per-identifier limit"). 1 keeps a shared device from ever fusing two people.
 */
export const DEFAULT_MAX_USERS_PER_ANONYMOUS_ID = 1;
export const MAX_USERS_PER_ANONYMOUS_ID_CEILING = 10;
export const MAX_BLOCKED_VALUES = 200;
export const MAX_BLOCKED_VALUE_LENGTH = 200;

export const identitySettingsSchema = z.object({
  blockedIdentityValues: z
    .array(
      z
        .string()
        .trim()
        .min(1, "A blocked value cannot be empty (empty ids are always blocked).")
        .max(MAX_BLOCKED_VALUE_LENGTH, `A blocked value is at most ${MAX_BLOCKED_VALUE_LENGTH} characters.`),
    )
    .max(MAX_BLOCKED_VALUES, `At most ${MAX_BLOCKED_VALUES} blocked values.`),
  maxUsersPerAnonymousId: z
    .number({ message: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(1, "The limit is at least 1.")
    .max(MAX_USERS_PER_ANONYMOUS_ID_CEILING, `The limit is at most ${MAX_USERS_PER_ANONYMOUS_ID_CEILING}.`),
});

export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

/** Reads the settings as stored; anything missing or malformed falls back to the defaults, never fails ingest. */
export function identitySettings(settings: WorkspaceSettings | null | undefined): IdentitySettings {
  const blocked = identitySettingsSchema.shape.blockedIdentityValues.safeParse(settings?.blockedIdentityValues);
  const limit = identitySettingsSchema.shape.maxUsersPerAnonymousId.safeParse(settings?.maxUsersPerAnonymousId);
  return {
    blockedIdentityValues: blocked.success ? blocked.data : [],
    maxUsersPerAnonymousId: limit.success ? limit.data : DEFAULT_MAX_USERS_PER_ANONYMOUS_ID,
  };
}
