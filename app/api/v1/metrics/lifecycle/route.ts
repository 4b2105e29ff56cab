import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { computeLifecycle, parseLifecycleQuery } from "@/lib/metrics/lifecycle";
import { withQueryBudget } from "@/lib/metrics/query-budget";

/** GET /api/v1/metrics/lifecycle — new / returning / resurrecting / dormant per period (docs/api.md). */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const scope = { workspaceId: principal.workspace.id, timeZone: principal.workspace.timeZone };
    const now = new Date();
    const query = parseLifecycleQuery(new URL(request.url).searchParams, now, scope.timeZone);
    const result = await withQueryBudget(await getDb(), (db) => computeLifecycle(db, scope, query, now));
    return NextResponse.json({
      period: result.period,
      from: query.from,
      to: query.to,
      timeZone: scope.timeZone,
      periods: result.periods,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
