import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { computeRetention } from "@/lib/metrics/retention";
import { parseRetentionQuery } from "@/lib/metrics/retention-query";

/** GET /api/v1/metrics/retention — the cohort table of the Cohorts page as JSON (docs/api.md). */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const scope = { workspaceId: principal.workspace.id, timeZone: principal.workspace.timeZone };
    const now = new Date();
    const query = parseRetentionQuery(new URL(request.url).searchParams, now, scope.timeZone);
    const result = await computeRetention(await getDb(), scope, query, now);
    return NextResponse.json({
      period: result.period,
      from: query.from,
      to: query.to,
      timeZone: scope.timeZone,
      cohorts: result.cohorts,
      mean: result.mean,
      ...(query.breakdown ? { breakdowns: result.breakdowns } : {}),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
