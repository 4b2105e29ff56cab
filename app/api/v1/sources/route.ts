import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";
import { createSource } from "@/lib/sources/manage";
import { newSourceSchema } from "@/lib/sources/schema";
import { listSources } from "@/lib/sources/sources";

export async function GET() {
  try {
    const viewer = await requireRole("settings:manage");
    const sources = await listSources(await getDb(), viewer.workspace.id);
    return NextResponse.json({ sources });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const viewer = await requireRole("settings:manage");
    const input = newSourceSchema.parse(await readJson(request));
    const source = await createSource(await getDb(), viewer.workspace.id, viewer.userId, input);
    return NextResponse.json({ source }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
