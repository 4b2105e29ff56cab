"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import { autoMap } from "@/lib/imports/auto-map";
import { chunkRows } from "@/lib/imports/chunks";
import { chunkSender } from "@/lib/imports/http-client";
import { type ColumnMapping, compileMapping } from "@/lib/imports/mapping";
import { type ImportFile, readImportFile } from "@/lib/imports/read-file";
import type { ImportKind } from "@/lib/imports/targets";
import { FileDrop } from "./file-drop";
import { FileFacts } from "./file-facts";
import { ImportProgress } from "./import-progress";
import { ImportSummary } from "./import-summary";
import { KindChoice } from "./kind-choice";
import { MappingTable } from "./mapping-table";
import { PREVIEW_ROWS, PreviewTable } from "./preview-table";
import { RowCheck } from "./row-check";
import { useImportRun } from "./use-import-run";
import { useRowCheck } from "./use-row-check";

type Loaded = { name: string; size: number; file: ImportFile };

/**
 * The CSV import, top to bottom on one page: choose the kind and the file → map the columns (guessed from
 * their names) with a preview → every row checked in the browser → import in chunks with progress → summary.
 * The file is parsed here and sent in chunks (lib/imports/import-rows.ts explains why), so the page holds it
 * until the import ends.
 */
export function ImportWizard({ timeZone }: { timeZone: string }) {
  const [kind, setKind] = useState<ImportKind>("customers");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const { state: run, start, resume, stop, reset } = useImportRun();
  const locked = run.status !== "idle";
  const importCard = useRef<HTMLDivElement>(null);
  // Progress and summary appear at the end of a long page: bring them into view when the import starts.
  useEffect(() => {
    if (run.status === "running") importCard.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [run.status]);

  const check = useMemo(
    () => (loaded ? compileMapping(kind, loaded.file.header, mapping) : null),
    [loaded, kind, mapping],
  );
  const compiled = check?.ok ? check.mapping : null;
  const rows = loaded?.file.rows ?? null;
  const columns = loaded?.file.header.length ?? 0;
  const rowCheck = useRowCheck(compiled, rows, columns, timeZone);

  const chooseKind = (next: ImportKind) => {
    setKind(next);
    if (loaded) setMapping(autoMap(next, loaded.file.header));
  };
  const openFile = async (file: File) => {
    setReading(true);
    try {
      const parsed = readImportFile(await file.text());
      setLoaded({ name: file.name, size: file.size, file: parsed });
      setMapping(autoMap(kind, parsed.header));
    } finally {
      setReading(false);
    }
  };
  const startImport = () => {
    if (!loaded || !compiled) return;
    start(chunkRows(loaded.file.rows, columns), chunkSender(kind, loaded.file.header, mapping));
  };
  const startOver = () => {
    reset();
    setLoaded(null);
    setMapping([]);
  };

  const valid = rowCheck.status === "done" ? rowCheck.result.valid : null;
  const problems = useMemo(
    () => new Map(rowCheck.status === "done" ? rowCheck.result.rejected.map((r) => [r.line, r.message]) : []),
    [rowCheck],
  );
  return (
    <div className="space-y-6">
      <Card title="1. Choose the file">
        <div className="space-y-4">
          <KindChoice value={kind} onChange={chooseKind} disabled={locked} />
          <FileDrop onFile={(file) => void openFile(file)} disabled={locked || reading} />
          {reading ? (
            <p role="status" className="text-sm text-slate-600">
              Reading the file…
            </p>
          ) : null}
          {loaded ? <FileFacts name={loaded.name} size={loaded.size} file={loaded.file} /> : null}
        </div>
      </Card>

      {loaded && loaded.file.header.length > 0 ? (
        <Card title="2. Map the columns">
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              Columns were matched by their names; check each one. Timestamps are read as ISO-8601 (2024-03-01 or
              2024-03-01T14:30:00Z) or Unix time; without an offset they are in the workspace’s time zone ({timeZone}).
            </p>
            {check && !check.ok && check.errors.mapping ? <Notice tone="error">{check.errors.mapping}</Notice> : null}
            <MappingTable
              kind={kind}
              header={loaded.file.header}
              rows={loaded.file.rows}
              mapping={mapping}
              errors={check && !check.ok ? check.errors : {}}
              onChange={(index, column) => setMapping((m) => m.map((c, i) => (i === index ? column : c)))}
              disabled={locked}
            />
            <h3 className="pt-2 text-sm font-semibold text-slate-700">
              Preview: the first {Math.min(PREVIEW_ROWS, loaded.file.rows.length)} rows
            </h3>
            <PreviewTable
              kind={kind}
              header={loaded.file.header}
              rows={loaded.file.rows}
              mapping={mapping}
              problems={problems}
            />
          </div>
        </Card>
      ) : null}

      {loaded && loaded.file.rows.length > 0 ? (
        <Card title="3. Import">
          <div aria-live="polite" ref={importCard} className="scroll-mt-6">
            {run.status === "idle" ? (
              <div className="space-y-4">
                {compiled ? (
                  <RowCheck state={rowCheck} totalRows={loaded.file.rows.length} />
                ) : (
                  <p className="text-sm text-slate-600">Finish the mapping above to check the rows.</p>
                )}
                <Button type="button" onClick={startImport} disabled={!compiled || valid === 0}>
                  {valid === null ? "Import" : `Import ${formatNumber(valid)} ${valid === 1 ? "row" : "rows"}`}
                </Button>
              </div>
            ) : run.status === "finished" ? (
              <ImportSummary
                run={run.run}
                upserts={kind === "tickets"}
                totalRows={run.totalRows}
                seconds={run.seconds}
                file={{ name: loaded.name, header: loaded.file.header, rows: loaded.file.rows }}
                onResume={resume}
                onReset={startOver}
              />
            ) : (
              <ImportProgress
                progress={run.progress}
                totalRows={run.totalRows}
                startedAt={run.startedAt}
                stopping={run.status === "stopping"}
                onStop={stop}
              />
            )}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
