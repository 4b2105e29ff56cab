"use client";

import { Button } from "@/components/ui/button";
import { EventInput, type SeenEvent } from "./event-input";

const MAX_EVENTS = 20;

/**
 * A list of event pickers with add and remove; `ordered` adds move up / move down buttons (onboarding steps).
 * Each row's field path is `${path}.${index}`, matching the server's error paths.
 */
export function EventListInput({
  path,
  label,
  itemLabel,
  values,
  onChange,
  seen,
  fields,
  ordered = false,
  addLabel,
  emptyText,
}: {
  path: string;
  label: string;
  itemLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  seen: ReadonlyMap<string, SeenEvent>;
  fields: Record<string, string>;
  ordered?: boolean;
  addLabel: string;
  emptyText: string;
}) {
  const set = (index: number, value: string) => onChange(values.map((v, i) => (i === index ? value : v)));
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index));
  const move = (index: number, by: -1 | 1) => {
    const next = [...values];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item ?? "");
    onChange(next);
    // Keep the keyboard on the same step after it moved, so pressing the button again keeps moving it.
    // At the top or bottom that button is disabled, so the other one takes the focus.
    requestAnimationFrame(() => {
      const same = document.getElementById(
        `${path}.${index + by}-${by < 0 ? "up" : "down"}`,
      ) as HTMLButtonElement | null;
      const other = document.getElementById(`${path}.${index + by}-${by < 0 ? "down" : "up"}`);
      (same && !same.disabled ? same : other)?.focus();
    });
  };
  const add = () => {
    onChange([...values, ""]);
    requestAnimationFrame(() => document.getElementById(`${path}.${values.length}`)?.focus());
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      {values.length === 0 ? <p className="text-xs text-slate-500">{emptyText}</p> : null}
      <ol className="space-y-2">
        {values.map((value, index) => {
          const name = value.trim() || `${itemLabel} ${index + 1}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
            <li key={index} className="flex items-start gap-2">
              {ordered ? (
                <span className="w-5 pt-2 text-right text-sm tabular-nums text-slate-500">{index + 1}.</span>
              ) : null}
              <EventInput
                id={`${path}.${index}`}
                label={`${itemLabel} ${index + 1}`}
                hideLabel
                value={value}
                onChange={(v) => set(index, v)}
                seen={seen}
                error={fields[`${path}.${index}`]}
              />
              {ordered ? (
                <>
                  <Button
                    type="button"
                    variant="ghost"
                    id={`${path}.${index}-up`}
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    id={`${path}.${index}-down`}
                    aria-label={`Move ${name} down`}
                    disabled={index === values.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </Button>
                </>
              ) : null}
              <Button type="button" variant="ghost" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
                ✕
              </Button>
            </li>
          );
        })}
      </ol>
      {fields[path] ? <p className="text-xs text-red-700">{fields[path]}</p> : null}
      <Button type="button" variant="secondary" onClick={add} disabled={values.length >= MAX_EVENTS}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
