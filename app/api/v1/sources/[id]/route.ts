import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { updateSource } from "@/lib/sources/manage";
import { parseSourceId, sourceChangesSchema } from "@/lib/sources/schema";
import { getSource } from "@/lib/sources/sources";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId((await params).id);
    const source = await getSource(await getDb(), viewer.workspace.id, id);
    return NextResponse.json({ source });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(request: Request, { params }: Context) {
  try {
    const viewer = await requireRole("settings:manage");
    const id = parseSourceId((await params).id);
    const changes = sourceChangesSchema.parse(await readJson(request));
    const source = await updateSource(await getDb(), viewer.workspace.id, viewer.userId, id, changes);
    return NextResponse.json({ source });
  } catch (error) {
    return errorResponse(error);
  }
}
