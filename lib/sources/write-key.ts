import { randomBytes } from "node:crypto";

/**
 * Write keys start with a fixed prefix so a key pasted into a ticket, a log line or a secret scanner is
 * recognisable as a Tenure source key at a glance.
 */
export const WRITE_KEY_PREFIX = "tnr_wk_";

/** 24 random bytes are 192 bits of entropy and exactly 32 URL-safe base64 characters (no padding). */
const RANDOM_BYTES = 24;

/** A new write key: the prefix and 32 characters of crypto-random base64url, safe in URLs and Basic auth. */
export function generateWriteKey(): string {
  return `${WRITE_KEY_PREFIX}${randomBytes(RANDOM_BYTES).toString("base64url")}`;
}

/** The last characters of a key, enough to tell keys apart in the audit log without storing the key itself. */
export function writeKeyHint(writeKey: string): string {
  return `…${writeKey.slice(-4)}`;
}
