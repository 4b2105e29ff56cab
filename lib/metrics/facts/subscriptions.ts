import type { Db } from "@/lib/db/client";
import type { MetricContext } from "@/lib/metrics/settings";
import type { FactChanges } from "./index";

// Filled in by the following commits; the wiring lands first so each table can land on its own.
export async function updateSubscriptionSpans(_db: Db, _context: MetricContext, _changes: FactChanges) {}
export async function rebuildSubscriptionSpans(_db: Db, _context: MetricContext, _customerIds?: readonly number[]) {}
