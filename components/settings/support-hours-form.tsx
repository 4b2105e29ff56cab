"use client";

import { startTransition, useActionState } from "react";
import { type SupportHoursActionState, saveSupportHoursAction } from "@/app/(app)/settings/support-hours/actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ISO_WEEKDAYS, type SupportHours, WEEKDAY_NAMES } from "@/lib/support/hours";

/** The support days (checkboxes) and the daily window (two 24-hour times) in the workspace's time zone. */
export function SupportHoursForm({ hours, timeZone }: { hours: SupportHours; timeZone: string }) {
  const [state, action, pending] = useActionState<SupportHoursActionState, FormData>(saveSupportHoursAction, {});
  const f = state.fields ?? {};
  const days = new Set((state.values?.days ?? hours.days.map(String)).map(String));
  return (
    <form
      // onSubmit keeps a refused value in its field (React resets forms after an action={} submit).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-4"
      aria-label="Support hours"
    >
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <fieldset aria-describedby={f.days ? "days-error" : "days-hint"} aria-invalid={f.days ? true : undefined}>
        <legend className="block text-sm font-medium text-slate-700">Support days</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {ISO_WEEKDAYS.map((d) => (
            <label key={d} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                name="days"
                value={String(d)}
                defaultChecked={days.has(String(d))}
                className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              {WEEKDAY_NAMES[d]}
            </label>
          ))}
        </div>
        {f.days ? (
          <p id="days-error" className="mt-1 text-xs text-red-700" role="alert">
            {f.days}
          </p>
        ) : (
          <p id="days-hint" className="mt-1 text-xs text-slate-500">
            The days your team answers tickets.
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Opens at" name="start" error={f.start} hint={`24-hour time in ${timeZone}, e.g. 09:00.`}>
          <TextInput
            name="start"
            inputMode="numeric"
            placeholder="09:00"
            defaultValue={state.values?.start ?? hours.start}
            invalid={!!f.start}
            required
          />
        </Field>
        <Field label="Closes at" name="end" error={f.end} hint="After the opening time; 24:00 for midnight.">
          <TextInput
            name="end"
            inputMode="numeric"
            placeholder="17:00"
            defaultValue={state.values?.end ?? hours.end}
            invalid={!!f.end}
            required
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
