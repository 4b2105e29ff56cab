import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { withQueryBudget } from "@/lib/metrics/query-budget";
import { loadMetricContext } from "@/lib/metrics/settings";
import { loadSupportHours } from "@/lib/support/hours-store";
import { parseSupportApiQuery } from "@/lib/support/query";
import { computeSupportReport } from "@/lib/support/report";

/**
 * GET /api/v1/metrics/support?from=YYYY-MM-DD&to=YYYY-MM-DD[&granularity=week|month][&hours=calendar|business]:
 * the Support page's numbers over the tickets created in [from, to] (local dates in the workspace's time
 * zone). docs/support.md "Read API".
 */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "support:read");
    const query = parseSupportApiQuery(new URL(request.url).searchParams);
    const db = await getDb();
    const context = await loadMetricContext(db, principal.workspace.id);
    const hours = await loadSupportHours(db, principal.workspace.id);
    const now = new Date();
    const report = await withQueryBudget(db, (tx) => computeSupportReport(tx, context, hours, query, now));
    return NextResponse.json(report);
  } catch (error) {
    return errorResponse(error);
  }
}
