"use client";

import { type ReactNode, useId } from "react";
import { useFieldAria, useReadOnly } from "./condition-context";

/**
 * Small labelled controls for the rule editor. Every control has a visible label (keyboard and screen-reader
 * users get the same words as everyone) and takes its validation state from the condition it sits in.
 */

export const CONTROL_CLASS =
  "block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50 disabled:bg-slate-50 disabled:text-slate-600";

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectControl({
  label,
  field,
  value,
  options,
  onChange,
  className = "",
}: {
  label: string;
  /** The path of this value inside the condition, for its validation state ("count.operator"). */
  field: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  const aria = useFieldAria(field);
  const readOnly = useReadOnly();
  return (
    <Labelled id={id} label={label}>
      <select
        id={id}
        value={value}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
        className={`${CONTROL_CLASS} ${className}`}
        {...aria}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function TextControl({
  label,
  field,
  value,
  onChange,
  type = "text",
  suggestions,
  placeholder,
  className = "w-48",
  min,
  step,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "number" | "date";
  /** Offered values (a datalist): the user may still type anything. */
  suggestions?: readonly string[];
  placeholder?: string;
  className?: string;
  min?: number;
  step?: number | "any";
}) {
  const id = useId();
  const listId = `${id}-options`;
  const aria = useFieldAria(field);
  const readOnly = useReadOnly();
  return (
    <Labelled id={id} label={label}>
      <input
        id={id}
        type={type}
        value={value}
        readOnly={readOnly}
        placeholder={placeholder}
        min={min}
        step={step}
        list={suggestions && suggestions.length > 0 ? listId : undefined}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        className={`${CONTROL_CLASS} ${className}`}
        {...aria}
      />
      {suggestions && suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </Labelled>
  );
}

export function CheckboxControl({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const readOnly = useReadOnly();
  return (
    <div className="flex items-center gap-1.5 self-end pb-1.5">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
      />
      <label htmlFor={id} className="text-sm text-slate-700">
        {label}
      </label>
    </div>
  );
}

/** A row of controls that wraps on narrow screens. */
export function ControlRow({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-end gap-2">{children}</div>;
}
