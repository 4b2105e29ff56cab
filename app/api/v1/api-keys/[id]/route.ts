import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { parseApiKeyId } from "@/lib/auth/api-keys-schema";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";

/** Revokes the key; it stays listed. Revoking again answers the same key and changes nothing. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await requireApiAccess(request, "settings:manage");
    const id = parseApiKeyId((await params).id);
    const apiKey = await revokeApiKey(await getDb(), principal.workspace.id, principal.userId, id);
    return NextResponse.json({ apiKey });
  } catch (error) {
    return errorResponse(error);
  }
}
