"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CsvRecord } from "@/lib/imports/csv";
import { emptyOutcome } from "@/lib/imports/outcome";
import { type ImportProgress, type ImportRun, runImport, type SendChunk } from "@/lib/imports/run-import";

export type ImportRunState =
  | { status: "idle" }
  | { status: "running" | "stopping"; totalRows: number; progress: ImportProgress; startedAt: number }
  | { status: "finished"; totalRows: number; run: ImportRun; seconds: number };

/**
 * The import in progress: sends the chunks through runImport, exposes its progress, lets the person stop it
 * between chunks and continue a stopped or failed run where it ended. While it runs, leaving the page asks
 * for confirmation (what was sent is kept either way).
 */
export function useImportRun() {
  const [state, setState] = useState<ImportRunState>({ status: "idle" });
  const stopRequested = useRef(false);
  const job = useRef<{ chunks: CsvRecord[][]; send: SendChunk; totalRows: number } | null>(null);
  const running = state.status === "running" || state.status === "stopping";

  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  const go = useCallback(async (from: ImportRun | null) => {
    const current = job.current;
    if (!current) return;
    stopRequested.current = false;
    const startedAt = performance.now();
    const initial: ImportProgress = from
      ? { chunksDone: from.chunksDone, rowsDone: from.rowsDone, outcome: from.outcome }
      : { chunksDone: 0, rowsDone: 0, outcome: emptyOutcome() };
    setState({ status: "running", totalRows: current.totalRows, progress: initial, startedAt });
    const run = await runImport({
      chunks: current.chunks,
      send: current.send,
      startChunk: from?.nextChunk ?? 0,
      rowsDone: initial.rowsDone,
      outcome: initial.outcome,
      shouldStop: () => stopRequested.current,
      onProgress: (progress) =>
        setState((s) =>
          s.status === "running" || s.status === "stopping"
            ? { ...s, progress: { ...progress, outcome: { ...progress.outcome } } }
            : s,
        ),
    });
    setState({
      status: "finished",
      totalRows: current.totalRows,
      run,
      seconds: (performance.now() - startedAt) / 1000,
    });
  }, []);

  const start = useCallback(
    (chunks: CsvRecord[][], send: SendChunk) => {
      job.current = { chunks, send, totalRows: chunks.reduce((n, c) => n + c.length, 0) };
      void go(null);
    },
    [go],
  );

  const resume = useCallback(() => {
    if (state.status === "finished") void go(state.run);
  }, [state, go]);

  const stop = useCallback(() => {
    stopRequested.current = true;
    setState((s) => (s.status === "running" ? { ...s, status: "stopping" } : s));
  }, []);

  const reset = useCallback(() => {
    job.current = null;
    setState({ status: "idle" });
  }, []);

  return { state, start, resume, stop, reset };
}
