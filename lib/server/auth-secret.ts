import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * next-auth signs sessions with NEXTAUTH_SECRET. So that `npm start` works with no configuration, a random
 * secret is generated once and kept beside the embedded database (readable by the owner only); setting
 * NEXTAUTH_SECRET overrides it.
 */
export function ensureAuthSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not created yet
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
