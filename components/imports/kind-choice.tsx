"use client";

import { IMPORT_KINDS, type ImportKind, KIND_LABELS } from "@/lib/imports/targets";

/** Customers or events: decides what each row becomes and which columns the mapping offers. */
export function KindChoice({
  value,
  onChange,
  disabled,
}: {
  value: ImportKind;
  onChange: (kind: ImportKind) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset disabled={disabled} className="grid gap-3 md:grid-cols-3">
      <legend className="mb-2 text-sm font-medium text-slate-700">The file holds</legend>
      {IMPORT_KINDS.map((kind) => (
        <label
          key={kind}
          className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${
            value === kind ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50"
          }`}
        >
          <input
            type="radio"
            name="import-kind"
            value={kind}
            checked={value === kind}
            onChange={() => onChange(kind)}
            className="mt-0.5 accent-brand-600"
          />
          <span>
            <span className="block font-medium text-slate-900">{KIND_LABELS[kind].title}</span>
            <span className="block text-slate-600">{KIND_LABELS[kind].description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
