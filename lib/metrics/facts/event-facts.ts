import type { Db } from "@/lib/db/client";
import type { FactChanges } from "./index";

// Filled in by the following commits; the wiring lands first so each table can land on its own.
export async function updateEventFacts(_db: Db, _workspaceId: string, _changes: FactChanges) {}
export async function rebuildEventFacts(_db: Db, _workspaceId: string, _customerIds?: readonly number[]) {}
