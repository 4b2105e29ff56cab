"use client";

import type { CsvRecord } from "@/lib/imports/csv";
import type { ColumnMapping } from "@/lib/imports/mapping";
import { type ImportKind, KEYED_TARGETS, KIND_TARGETS, type Target } from "@/lib/imports/targets";

const SAMPLE_ROWS = 50;

/**
 * One line per column of the file: its name and a few values from it, what it imports as, and for traits and
 * properties the key it is stored under. Errors from the mapping check appear next to their column.
 */
export function MappingTable({
  kind,
  header,
  rows,
  mapping,
  errors,
  onChange,
  disabled,
}: {
  kind: ImportKind;
  header: readonly string[];
  rows: readonly CsvRecord[];
  mapping: readonly ColumnMapping[];
  errors: Record<string, string>;
  onChange: (index: number, column: ColumnMapping) => void;
  disabled?: boolean;
}) {
  const targets = KIND_TARGETS[kind];
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Column in the file</th>
          <th className="py-2 pr-4 font-medium">Imports as</th>
          <th className="py-2 font-medium">Stored under</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {header.map((name, index) => {
          const column = mapping[index] ?? { target: "ignore" };
          const error = errors[`mapping.${index}`];
          const info = targets.find((t) => t.target === column.target);
          const errorId = `mapping-error-${index}`;
          return (
            <tr key={name} className="align-top">
              <td className="max-w-xs py-3 pr-4">
                <div className="font-medium text-slate-900">{name}</div>
                <div className="truncate text-xs text-slate-500" title={samples(rows, index).join(" · ")}>
                  {samples(rows, index).join(" · ") || "(empty in the first rows)"}
                </div>
              </td>
              <td className="py-3 pr-4">
                <select
                  aria-label={`Import “${name}” as`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  disabled={disabled}
                  value={column.target}
                  onChange={(event) => {
                    const target = event.currentTarget.value as Target;
                    onChange(index, KEYED_TARGETS.has(target) ? { target, key: column.key ?? name } : { target });
                  }}
                  className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-400"
                >
                  {targets.map((t) => (
                    <option key={t.target} value={t.target}>
                      {t.label}
                    </option>
                  ))}
                </select>
                {error ? (
                  <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
                    {error}
                  </p>
                ) : null}
              </td>
              <td className="py-3">
                {KEYED_TARGETS.has(column.target) ? (
                  <input
                    aria-label={`${column.target === "trait" ? "Trait" : "Property"} name for “${name}”`}
                    disabled={disabled}
                    value={column.key ?? name}
                    onChange={(event) => onChange(index, { target: column.target, key: event.currentTarget.value })}
                    className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                  />
                ) : (
                  <span className="text-xs text-slate-500">{info?.hint}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function samples(rows: readonly CsvRecord[], index: number): string[] {
  const values: string[] = [];
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    const value = (row.cells[index] ?? "").trim().replace(/\s+/g, " ");
    if (value !== "" && !values.includes(value)) values.push(value.length > 30 ? `${value.slice(0, 30)}…` : value);
    if (values.length === 3) break;
  }
  return values;
}
