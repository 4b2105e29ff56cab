"use client";

import { startTransition, useActionState } from "react";
import { createSourceAction, type SourceActionState } from "@/app/(app)/settings/sources/actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function CreateSourceForm() {
  const [state, action, pending] = useActionState<SourceActionState, FormData>(createSourceAction, {});
  const f = state.fields ?? {};
  return (
    <form
      // onSubmit instead of action={}: React resets a form after an action, and a refused name should stay
      // in the field to be corrected. On success the action redirects to the new source.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-4"
      aria-label="Create source"
    >
      {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-64 flex-1">
          <Field
            label="Name"
            name="name"
            error={f.name}
            hint="Where the events come from: Website, iOS app, Billing backend…"
          >
            <TextInput name="name" defaultValue={state.values?.name} invalid={!!f.name} maxLength={80} required />
          </Field>
        </div>
        <Button type="submit" disabled={pending} className="mt-6">
          {pending ? "Creating…" : "Create source"}
        </Button>
      </div>
    </form>
  );
}
