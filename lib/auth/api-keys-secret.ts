import { createHash, randomBytes } from "node:crypto";

/**
 * Read-API keys start with `tnr_` so a key pasted into a ticket, a log line or a secret scanner is recognisable
 * as a Tenure key. Source write keys (`tnr_wk_` + 32 characters) are a different length, so the two never mix.
 */
export const API_KEY_PREFIX = "tnr_";

/** 32 random bytes are 256 bits of entropy and exactly 43 URL-safe base64 characters (no padding). */
const RANDOM_BYTES = 32;

/** What an API key looks like; anything else is refused before touching the database. */
const API_KEY_FORMAT = /^tnr_[A-Za-z0-9_-]{43}$/;

/** How much of a key the list shows (`tnr_` and 8 random characters): enough to tell keys apart, useless alone. */
const SHOWN_PREFIX_LENGTH = 12;

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(RANDOM_BYTES).toString("base64url")}`;
}

export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_FORMAT.test(value);
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, SHOWN_PREFIX_LENGTH);
}

/**
 * SHA-256 of the whole key, hex. A fast unsalted hash is right here and a password hash (argon2, bcrypt) is
 * not: the key is 256 random bits, so there is nothing to guess or precompute, while argon2 would cost tens of
 * milliseconds of CPU on every API request. Being deterministic, the hash is also what the unique index looks
 * keys up by.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
