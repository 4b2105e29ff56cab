import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { samplePropertyValues, sampleTicketCategories, sampleTraitValues } from "@/lib/segments-catalog/sample-values";

const key = z.string().trim().min(1, "Required").max(200, "At most 200 characters");
const query = z.discriminatedUnion("of", [
  z.object({ of: z.literal("trait"), trait: key }),
  z.object({ of: z.literal("property"), event: key, property: key }),
  z.object({ of: z.literal("ticket_category") }),
]);

/**
 * GET /api/v1/segments-catalog/values?of=trait&trait=plan | ?of=property&event=…&property=… |
 * ?of=ticket_category — example values, most frequent first, from the newest profiles, events or tickets.
 */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const params = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const db = await getDb();
    const workspaceId = principal.workspace.id;
    const values =
      params.of === "trait"
        ? await sampleTraitValues(db, workspaceId, params.trait)
        : params.of === "property"
          ? await samplePropertyValues(db, workspaceId, params.event, params.property)
          : await sampleTicketCategories(db, workspaceId);
    return NextResponse.json({ values });
  } catch (error) {
    return errorResponse(error);
  }
}
