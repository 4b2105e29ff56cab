"use client";

import { useEffect, useState } from "react";
import { checkRows, type RowsCheck } from "@/lib/imports/check-rows";
import type { CsvRecord } from "@/lib/imports/csv";
import type { CompiledMapping } from "@/lib/imports/mapping";

export type RowCheckState =
  | { status: "idle" }
  | { status: "checking"; done: number }
  | { status: "done"; result: RowsCheck };

/** Pauses for typing in a key field before checking a large file again. */
const SETTLE_MS = 200;

/**
 * Checks every row against the current mapping whenever it changes, so the person sees which lines would be
 * rejected before importing. A newer mapping cancels a check still running for an older one.
 */
export function useRowCheck(
  mapping: CompiledMapping | null,
  rows: readonly CsvRecord[] | null,
  columns: number,
  timeZone: string,
): RowCheckState {
  const [state, setState] = useState<RowCheckState>({ status: "idle" });
  useEffect(() => {
    if (!mapping || !rows) {
      setState({ status: "idle" });
      return;
    }
    let cancelled = false;
    setState({ status: "checking", done: 0 });
    const timer = setTimeout(() => {
      void checkRows(mapping, columns, rows, timeZone, {
        cancelled: () => cancelled,
        onProgress: (done) => {
          if (!cancelled) setState({ status: "checking", done });
        },
      }).then((result) => {
        if (result && !cancelled) setState({ status: "done", result });
      });
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [mapping, rows, columns, timeZone]);
  return state;
}
