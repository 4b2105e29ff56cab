import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { listTraitKeys } from "@/lib/customers/trait-keys";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";

/** GET /api/v1/segments-catalog/traits — trait names on recent profiles, most common first. */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    return NextResponse.json({ traits: await listTraitKeys(await getDb(), principal.workspace.id) });
  } catch (error) {
    return errorResponse(error);
  }
}
