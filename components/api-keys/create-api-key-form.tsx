"use client";

import { startTransition, useActionState } from "react";
import { type ApiKeyActionState, createApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { NewApiKeyPanel } from "./new-api-key-panel";

/** Creates a key and then shows it, once, above the form. `origin` is this app's address, for the example. */
export function CreateApiKeyForm({ origin }: { origin: string }) {
  const [state, action, pending] = useActionState<ApiKeyActionState, FormData>(createApiKeyAction, {});
  const f = state.fields ?? {};
  return (
    <div className="space-y-4">
      {state.created ? <NewApiKeyPanel key={state.created.id} created={state.created} origin={origin} /> : null}
      <form
        // Keyed by the created key: after a success the form starts empty again; after a refusal it keeps
        // the typed name (onSubmit instead of action={}, which would reset the form).
        key={state.created?.id ?? "new"}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => action(data));
        }}
        className="space-y-4"
        aria-label="Create API key"
      >
        {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-64 flex-1">
            <Field label="Name" name="name" error={f.name} hint="Who or what will use it: Looker, Finance export…">
              <TextInput name="name" defaultValue={state.values?.name} invalid={!!f.name} maxLength={80} required />
            </Field>
          </div>
          <Button type="submit" disabled={pending} className="mt-6">
            {pending ? "Creating…" : "Create API key"}
          </Button>
        </div>
      </form>
    </div>
  );
}
