import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { listEventProperties } from "@/lib/metrics/event-catalog";

const query = z.object({ event: z.string().trim().min(1, "Name an event").max(200, "At most 200 characters") });

/**
 * GET /api/v1/segments-catalog/properties?event=Order%20Completed — the property names of an event's latest
 * calls, most frequent first, and whether each looks numeric (the builder then proposes a number test).
 */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "marketing:write");
    const { event } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { sampled, properties } = await listEventProperties(await getDb(), principal.workspace.id, event);
    return NextResponse.json({
      sampled,
      properties: properties.map((p) => ({ name: p.name, numeric: p.numericIn > 0 && p.numericIn >= p.seenIn / 2 })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
