"use client";

import type { InputHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-400";

/**
 * A text box with suggestions (a native datalist: arrow keys and typing work everywhere, and any value can be
 * typed, which a select would not allow), its label, and below it either the field's error or a hint.
 * `id` is the field path ("purchase.event"), which is also how the server names the field's error.
 */
export function PickerInput({
  id,
  label,
  hideLabel = false,
  value,
  onChange,
  listId,
  error,
  hint,
  ...rest
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  listId?: string;
  error?: string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "list">) {
  const messageId = `${id}-message`;
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        list={listId}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        {...rest}
        className={CONTROL}
      />
      {error ? (
        <p id={messageId} className="text-xs text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
