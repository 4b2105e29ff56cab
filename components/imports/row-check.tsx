import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import { RejectedTable } from "./rejected-table";
import type { RowCheckState } from "./use-row-check";

/** The result of checking every row against the mapping, before anything is imported. */
export function RowCheck({ state, totalRows }: { state: RowCheckState; totalRows: number }) {
  if (state.status === "idle") return null;
  if (state.status === "checking") {
    return (
      <p className="text-sm text-slate-600" role="status">
        Checking rows… {formatNumber(state.done)} of {formatNumber(totalRows)}
      </p>
    );
  }
  const { valid, rejected } = state.result;
  return (
    <div className="space-y-3">
      <Notice tone={rejected.length > 0 ? "info" : "success"}>
        <span data-testid="check-result">
          {formatNumber(valid)} of {formatNumber(totalRows)} rows are ready to import.
          {rejected.length > 0
            ? ` ${formatNumber(rejected.length)} ${rejected.length === 1 ? "row has a problem and is" : "rows have problems and are"} skipped; the others import without them.`
            : ""}
        </span>
      </Notice>
      {rejected.length > 0 ? <RejectedTable rejected={rejected} caption="Rows that will be skipped" /> : null}
    </div>
  );
}
