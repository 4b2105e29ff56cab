import { DROP_ALERT_RULE, type VolumeDrop } from "@/lib/data-quality/drop-alert";
import { formatNumber } from "@/lib/format";

/** The volume drop alerts, above everything else on the page: a drop usually means a broken sender. */
export function DropAlerts({ drops, clock }: { drops: VolumeDrop[]; clock: string }) {
  if (drops.length === 0) return null;
  return (
    <div role="alert" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-semibold">
        {drops.length === 1 ? "1 event is" : `${drops.length} events are`} arriving far below their usual pace today
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {drops.map((drop) => (
          <li key={drop.name ?? "(no name)"}>
            <span className="font-medium">{drop.name ?? "(no name)"}</span>: {formatNumber(drop.todayCount)} so far
            today, against {formatNumber(Math.round(drop.expectedSoFar))} by {clock} on an average day of the last{" "}
            {DROP_ALERT_RULE.baselineDays} ({formatNumber(Math.round(drop.dailyAverage))} a day).
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-amber-800">
        Check the sender: a deploy that dropped a tracking call, an expired or rotated write key (Settings → Sources →
        live debugger), or rejected events below.
      </p>
    </div>
  );
}
