import type { MetricSettings } from "@/lib/metrics/settings";
import type { Clock } from "./time-window";

/** What every condition compiler reads: the workspace, its metric settings and the clock. */
export type Scope = { workspaceId: string; settings: MetricSettings; clock: Clock };
