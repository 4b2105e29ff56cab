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
