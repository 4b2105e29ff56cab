import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/respond";
import { computeKpis } from "@/lib/metrics/kpis";
import { parseKpiQuery } from "@/lib/metrics/kpis/query";
import { loadMetricContext } from "@/lib/metrics/settings";

/**
 * GET /api/v1/metrics/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD: every Overview KPI over [from, to] (local dates in
 * the workspace's time zone) and the period of the same length before it. docs/api.md "Metrics: KPIs".
 */
export async function GET(request: Request) {
  try {
    const principal = await requireApiAccess(request, "analytics:read");
    const range = parseKpiQuery(new URL(request.url).searchParams);
    const db = await getDb();
    const context = await loadMetricContext(db, principal.workspace.id);
    return NextResponse.json(await computeKpis(db, context, range));
  } catch (error) {
    return errorResponse(error);
  }
}
