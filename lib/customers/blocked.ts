/**
 * Identifier values that clients send by mistake (an unset variable stringified, a placeholder) and that would
 * merge unrelated people into one profile if taken at face value. Compared case-insensitively after trimming;
 * a workspace can add its own in settings (blockedIdentityValues).
 */
export const DEFAULT_BLOCKED_VALUES = [
  "",
  "null",
  "undefined",
  "0",
  "-1",
  "nan",
  "none",
  "nil",
  "anonymous",
  "guest",
  "unknown",
  "n/a",
  "[object object]",
  "00000000-0000-0000-0000-000000000000",
];

export function blockedValueSet(extra: readonly string[] = []): Set<string> {
  return new Set([...DEFAULT_BLOCKED_VALUES, ...extra].map((v) => v.trim().toLowerCase()));
}

export function isBlocked(value: string, blocked: Set<string>): boolean {
  return blocked.has(value.trim().toLowerCase());
}
