import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { TooLarge } from "@/lib/imports/errors";
import { importRows } from "@/lib/imports/import-rows";
import { importChunkSchema, importKindSchema, MAX_CHUNK_BYTES, MAX_CHUNK_ROWS } from "@/lib/imports/schema";

/**
 * Imports one chunk of a CSV file's rows (customers or events) and answers once it is committed. The import
 * page sends a file as a sequence of these; see lib/imports/import-rows.ts for why.
 */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const viewer = await requireRole("settings:manage");
    const kind = importKindSchema.parse((await params).kind);
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_CHUNK_BYTES) {
      throw new TooLarge(`Send at most ${MAX_CHUNK_ROWS} rows and ${MAX_CHUNK_BYTES / 1024 / 1024} MB per request.`);
    }
    const chunk = importChunkSchema.parse(await readJson(request));
    const outcome = await importRows(
      await getDb(),
      { workspaceId: viewer.workspace.id, timeZone: viewer.workspace.timeZone },
      kind,
      chunk,
    );
    return NextResponse.json(outcome, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
