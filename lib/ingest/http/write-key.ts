import { type Database, getDatabase } from "@/lib/db";
import { findActiveSourceByWriteKey } from "@/lib/sources/resolve";
import { MAX_BATCH_BYTES, MAX_SINGLE_BYTES, readTrackingBody } from "./body";
import { TrackingHttpError } from "./errors";

/**
 * The write key of a tracking request, as Segment's libraries send it: HTTP Basic with the key as user name
 * and an empty password, or a `writeKey` field in the body (analytics.js and some server libraries).
 */
export function writeKeyFrom(request: Request, body: unknown): string | null {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const key = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded;
    if (key) return key;
  }
  if (body && typeof body === "object" && "writeKey" in body) {
    const key = (body as { writeKey: unknown }).writeKey;
    if (typeof key === "string" && key) return key;
  }
  return null;
}

/**
 * The door every write-key endpoint (tracking API, ticket API) shares: the body within its size limit, then the
 * active source its write key names; 400/401 as TrackingHttpError otherwise.
 */
export async function readWriteKeyRequest(request: Request, batch: boolean, database?: Database) {
  const body = await readTrackingBody(request, batch ? MAX_BATCH_BYTES : MAX_SINGLE_BYTES);
  const writeKey = writeKeyFrom(request, body);
  if (!writeKey) {
    throw new TrackingHttpError(
      401,
      "Missing write key: send it as the HTTP Basic user name or as writeKey in the body.",
    );
  }
  const db = database ?? (await getDatabase());
  const source = await findActiveSourceByWriteKey(db.db, writeKey);
  if (!source) throw new TrackingHttpError(401, "Unknown or revoked write key.");
  return { body, database: db, source };
}
