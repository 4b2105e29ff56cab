import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { newApiKeySchema } from "@/lib/auth/api-keys-schema";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http/respond";

// requireApiAccess rather than requireRole: a request made with an API key is then judged as one (403, keys
// cannot manage keys) instead of falling back to whatever session cookie came along.

export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "settings:manage");
    const apiKeys = await listApiKeys(await getDb(), principal.workspace.id);
    return NextResponse.json({ apiKeys });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The answer carries the secret, once: it is not stored anywhere it could be read back from. */
export async function POST(request: Request) {
  try {
    const principal = await requireApiAccess(request, "settings:manage");
    const input = newApiKeySchema.parse(await readJson(request));
    const created = await createApiKey(await getDb(), principal.workspace.id, principal.userId, input.name);
    return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
