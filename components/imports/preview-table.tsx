import type { CsvRecord } from "@/lib/imports/csv";
import type { ColumnMapping } from "@/lib/imports/mapping";
import { type ImportKind, KEYED_TARGETS, targetLabel } from "@/lib/imports/targets";

export const PREVIEW_ROWS = 10;

/**
 * The first rows of the file as read, with their line numbers (the ones problems are reported with) and,
 * over each column, what it imports as: the quickest way to see a shifted column or a wrong delimiter. Rows
 * that the check rejects are tinted, their problem in the tooltip and in the list below.
 */
export function PreviewTable({
  kind,
  header,
  rows,
  mapping,
  problems,
}: {
  kind: ImportKind;
  header: readonly string[];
  rows: readonly CsvRecord[];
  mapping: readonly ColumnMapping[];
  /** Problem per line, from the row check, to flag the preview's rejected rows. */
  problems: ReadonlyMap<number, string>;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-left text-xs">
        <caption className="sr-only">First {PREVIEW_ROWS} rows of the file</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Line
            </th>
            {header.map((name, index) => (
              <th key={name} scope="col" className="px-3 py-2 align-bottom font-medium">
                <div className="text-slate-900">{name}</div>
                <div className="font-normal text-slate-500">{mappedAs(kind, mapping[index])}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.slice(0, PREVIEW_ROWS).map((row) => (
            <tr key={row.line} className={problems.has(row.line) ? "bg-red-50" : ""} title={problems.get(row.line)}>
              <td
                className={`px-3 py-1.5 tabular-nums ${problems.has(row.line) ? "font-medium text-red-700" : "text-slate-500"}`}
              >
                {row.line}
                {problems.has(row.line) ? <span className="sr-only"> (will be skipped)</span> : null}
              </td>
              {header.map((name, index) => (
                <td
                  key={name}
                  className={`max-w-[14rem] truncate px-3 py-1.5 ${mapping[index]?.target === "ignore" ? "text-slate-400" : ""}`}
                  title={row.cells[index] ?? ""}
                >
                  {row.cells[index] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function mappedAs(kind: ImportKind, column: ColumnMapping | undefined): string {
  if (!column || column.target === "ignore") return "not imported";
  const label = targetLabel(kind, column.target).replace(/ \(required\)$/, "");
  return KEYED_TARGETS.has(column.target) ? `→ ${column.target} “${column.key ?? ""}”` : `→ ${label}`;
}
