import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/respond";
import { identifiersFromCsv, identifiersFromList, type UploadedIdentifier } from "./identifiers";
import type { UploadMode } from "./upload";

function parseOr400<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error);
  const [path, message] = Object.entries(fields)[0] ?? ["query", "Invalid"];
  throw new Invalid(`Invalid ${what} at ${path}: ${message}`, fields);
}

const membersQuerySchema = z.object({
  cursor: z.string().max(500, "Invalid cursor").optional(),
  limit: z.coerce.number().int("Use a whole number").min(1, "At least 1").max(500, "At most 500").default(50),
});

/** GET …/members?cursor=&limit=50 */
export function parseMembersQuery(url: URL): { cursor: string | null; limit: number } {
  const q = parseOr400(
    membersQuerySchema,
    { cursor: url.searchParams.get("cursor") || undefined, limit: url.searchParams.get("limit") || undefined },
    "members query",
  );
  return { cursor: q.cursor ?? null, limit: q.limit };
}

const historyQuerySchema = z.object({
  days: z.coerce
    .number()
    .int("Use a whole number of days")
    .min(1, "At least 1 day")
    .max(730, "At most 730 days")
    .default(90),
});

/** GET …/history?days=90 */
export function parseHistoryQuery(url: URL): number {
  return parseOr400(historyQuerySchema, { days: url.searchParams.get("days") || undefined }, "history query").days;
}

const modeSchema = z.enum(["replace", "append"], { message: "Choose replace or append" });
const uploadJsonSchema = z.object({
  mode: modeSchema,
  identifiers: z
    .array(z.string({ message: "Each identifier is a user id or an email" }).max(500, "At most 500 characters"), {
      message: "Send a list of user ids or emails",
    })
    .min(1, "Send at least one identifier"),
});

/** The largest CSV file an upload takes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * POST …/upload: JSON `{ mode, identifiers }`, or multipart with a `file` (CSV) and a `mode` field. There is
 * no default mode: replacing a list by mistake would remove every member, so the caller must say which.
 */
export async function parseUploadRequest(
  request: Request,
): Promise<{ mode: UploadMode; identifiers: UploadedIdentifier[] }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new Invalid("The upload must be a multipart form with a file.", { file: "Attach a CSV file" });
    }
    const mode = parseOr400(modeSchema, form.get("mode") ?? undefined, "upload");
    const file = form.get("file");
    if (!file || typeof file === "string")
      throw new Invalid("Attach a CSV file as `file`.", { file: "Attach a CSV file" });
    if (file.size > MAX_UPLOAD_BYTES) {
      throw new Invalid("The file is larger than 10 MB.", { file: "At most 10 MB" });
    }
    const identifiers = identifiersFromCsv(await file.text());
    if (identifiers.length === 0) throw new Invalid("The file holds no identifiers.", { file: "The file is empty" });
    return { mode, identifiers };
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new Invalid("The request body must be valid JSON.");
  }
  const parsed = parseOr400(uploadJsonSchema, body, "upload");
  const identifiers = identifiersFromList(parsed.identifiers);
  if (identifiers.length === 0) {
    throw new Invalid("Every identifier sent is blank.", { identifiers: "Send at least one identifier" });
  }
  return { mode: parsed.mode, identifiers };
}
