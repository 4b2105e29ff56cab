import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { withQueryBudget } from "@/lib/metrics/query-budget";
import { computeRetention } from "@/lib/metrics/retention";
import { retentionCsv } from "@/lib/metrics/retention-csv";
import { parseRetentionQuery } from "@/lib/metrics/retention-query";

/** GET /api/v1/metrics/retention — the cohort table of the Cohorts page as JSON, or CSV with format=csv (docs/api.md). */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const scope = { workspaceId: principal.workspace.id, timeZone: principal.workspace.timeZone };
    const now = new Date();
    const query = parseRetentionQuery(new URL(request.url).searchParams, now, scope.timeZone);
    const result = await withQueryBudget(await getDb(), (db) => computeRetention(db, scope, query, now));
    if (new URL(request.url).searchParams.get("format") === "csv") {
      return new Response(retentionCsv(result), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="retention-${query.period}-${query.from}-${query.to}.csv"`,
        },
      });
    }
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
