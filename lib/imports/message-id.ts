import "server-only";
import { createHash } from "node:crypto";
import type { ImportKind } from "./targets";

/**
 * The message id of an imported row, derived from what the row says (never from the file name, the line or
 * the time of import): importing the same file again, or a file that repeats rows of an earlier one, yields
 * the same ids, and ingest stores a message id once. 128 bits of SHA-256 make collisions between different
 * rows practically impossible.
 */
export function contentMessageId(kind: Exclude<ImportKind, "tickets">, content: Record<string, unknown>): string {
  const digest = createHash("sha256").update(kind).update("\0").update(canonicalJson(content)).digest("hex");
  return `csv-${kind === "customers" ? "c" : "e"}-${digest.slice(0, 32)}`;
}

/** JSON with object keys sorted, so {a, b} and {b, a} hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
