import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import type { CsvRecord } from "@/lib/imports/csv";
import type { ImportRun } from "@/lib/imports/run-import";
import { DownloadRejected } from "./download-rejected";
import { RejectedTable } from "./rejected-table";

/** What the import came to: counts, the rejected rows by line (with a download), and what to do next. */
export function ImportSummary({
  run,
  upserts = false,
  totalRows,
  seconds,
  file,
  onResume,
  onReset,
}: {
  run: ImportRun;
  /** Tickets are upserted: "imported" counts new and changed tickets alike. */
  upserts?: boolean;
  totalRows: number;
  seconds: number;
  file: { name: string; header: readonly string[]; rows: readonly CsvRecord[] };
  onResume: () => void;
  onReset: () => void;
}) {
  const { accepted, duplicates, rejected } = run.outcome;
  const finished = run.status === "done";
  return (
    <div className="space-y-4">
      {finished ? (
        <Notice tone="success">
          Import finished: {formatNumber(totalRows)} rows processed in {formatSeconds(seconds)}.
        </Notice>
      ) : (
        <Notice tone="error">
          {run.status === "stopped" ? "The import was stopped" : `The import stopped: ${run.failure}`} after{" "}
          {formatNumber(run.rowsDone)} of {formatNumber(totalRows)} rows. Everything counted below is saved; continue to
          import the rest.
        </Notice>
      )}
      <dl className="grid gap-3 sm:grid-cols-3" data-testid="import-counts">
        <Count label="Imported" value={accepted} note={upserts ? "new or changed tickets stored" : "new rows stored"} />
        <Count label="Already imported" value={duplicates} note="identical rows imported before, skipped" />
        <Count label="Rejected" value={rejected.length} note="rows with problems, listed below" />
      </dl>
      <div className="flex flex-wrap gap-2">
        {finished ? null : (
          <Button type="button" onClick={onResume}>
            Continue the import
          </Button>
        )}
        {rejected.length > 0 ? (
          <DownloadRejected fileName={file.name} header={file.header} rows={file.rows} rejected={rejected} />
        ) : null}
        <Button type="button" variant={finished ? "primary" : "secondary"} onClick={onReset}>
          Import another file
        </Button>
      </div>
      {rejected.length > 0 ? (
        <section aria-labelledby="rejected-heading" className="space-y-2">
          <h3 id="rejected-heading" className="text-sm font-semibold text-slate-700">
            Rejected rows ({formatNumber(rejected.length)})
          </h3>
          <p className="text-xs text-slate-500">
            Line numbers count the header as line 1. Fix these rows (the download has them with their problem) and
            import that file: rows already imported are recognised and not stored twice.
          </p>
          <RejectedTable rejected={rejected} caption="Rejected rows" />
        </section>
      ) : null}
    </div>
  );
}

function formatSeconds(seconds: number): string {
  return seconds < 10
    ? `${seconds.toFixed(1)} s`
    : seconds < 120
      ? `${Math.round(seconds)} s`
      : `${Math.round(seconds / 60)} min`;
}

function Count({ label, value, note }: { label: string; value: number; note: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums text-slate-900">{formatNumber(value)}</dd>
      <dd className="text-xs text-slate-500">{note}</dd>
    </div>
  );
}
