import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { TrackingHttpError } from "./errors";

const gunzipAsync = promisify(gunzip);

/** Segment's limits: 500 KB per batch request, 32 KB per single-event request. */
export const MAX_BATCH_BYTES = 500 * 1024;
export const MAX_SINGLE_BYTES = 32 * 1024;

/**
 * Reads a tracking request body: JSON sent as application/json or, by analytics.js, as text/plain; gzip when
 * Content-Encoding says so (RudderStack's node SDK gzips by default). The limit applies to the decompressed
 * size, and a body that grows past it while inflating is refused without inflating the rest.
 */
export async function readTrackingBody(request: Request, limitBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const encoding = (request.headers.get("content-encoding") ?? "identity").toLowerCase();
  if (encoding === "identity" && declared > limitBytes) throw tooLarge(declared, limitBytes);
  const raw = Buffer.from(await request.arrayBuffer());
  let bytes: Buffer = raw;
  if (encoding === "gzip") {
    try {
      bytes = await gunzipAsync(raw, { maxOutputLength: limitBytes + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
        throw tooLarge(limitBytes + 1, limitBytes);
      }
      throw new TrackingHttpError(400, "The body is not valid gzip data.");
    }
  } else if (encoding !== "identity") {
    throw new TrackingHttpError(400, `Content-Encoding ${encoding} is not supported; send gzip or plain JSON.`);
  }
  if (bytes.length > limitBytes) throw tooLarge(bytes.length, limitBytes);
  if (bytes.length === 0) throw new TrackingHttpError(400, "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new TrackingHttpError(400, "The body is not valid JSON.");
  }
}

function tooLarge(size: number, limit: number) {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return new TrackingHttpError(
    400,
    size > limit
      ? `The body is over ${kb(limit)}, the limit for this endpoint (${kb(size)} received).`
      : "Body too large.",
  );
}
