import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import type { ImportProgress as Progress } from "@/lib/imports/run-import";

/** The running import: a progress bar by rows sent, what they came to so far, and a way to stop. */
export function ImportProgress({
  progress,
  totalRows,
  startedAt,
  stopping,
  onStop,
}: {
  progress: Progress;
  totalRows: number;
  startedAt: number;
  stopping: boolean;
  onStop: () => void;
}) {
  const percent = totalRows === 0 ? 100 : Math.floor((progress.rowsDone / totalRows) * 100);
  const elapsed = (performance.now() - startedAt) / 1000;
  const remaining =
    progress.rowsDone > 0 ? Math.ceil((elapsed / progress.rowsDone) * (totalRows - progress.rowsDone)) : null;
  const { accepted, duplicates, rejected } = progress.outcome;
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium text-slate-800">
          {stopping ? "Stopping after this chunk…" : "Importing…"} {formatNumber(progress.rowsDone)} of{" "}
          {formatNumber(totalRows)} rows ({percent}%)
        </span>
        <span className="text-slate-500">{remaining !== null ? `about ${duration(remaining)} left` : ""}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {formatNumber(accepted)} imported · {formatNumber(duplicates)} already imported ·{" "}
        {formatNumber(rejected.length)} rejected
      </p>
      <Button type="button" variant="secondary" onClick={onStop} disabled={stopping}>
        Stop
      </Button>
      <p className="text-xs text-slate-500">
        Each chunk of up to 1,000 rows is saved as soon as it is sent: stopping or closing the page keeps what was
        imported, and importing the same file again only adds what is missing.
      </p>
    </div>
  );
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
