import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { sourceDebugger } from "@/lib/sources/debugger";
import { parseSourceId } from "@/lib/sources/schema";
import { getSource } from "@/lib/sources/sources";

/** The live debugger's feed; polled every few seconds by the source page, so never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId((await params).id);
    const db = await getDb();
    // 404 for another workspace's source rather than an empty feed.
    await getSource(db, viewer.workspace.id, id);
    const snapshot = await sourceDebugger(db, viewer.workspace.id, id);
    return NextResponse.json(snapshot, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
