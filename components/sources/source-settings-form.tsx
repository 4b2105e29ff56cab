"use client";

import { startTransition, useActionState } from "react";
import { type SourceActionState, updateSourceAction } from "@/app/(app)/settings/sources/actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";

/** Name and per-key rate limit; an empty rate limit means the tracking API's default. */
export function SourceSettingsForm({
  sourceId,
  name,
  rateLimitPerSecond,
  defaultLimit,
}: {
  sourceId: string;
  name: string;
  rateLimitPerSecond: number | null;
  /** The tracking API's default for keys without a limit of their own (INGEST_RATE_LIMIT). */
  defaultLimit: number;
}) {
  const [state, action, pending] = useActionState<SourceActionState, FormData>(updateSourceAction, {});
  const f = state.fields ?? {};
  return (
    <form
      // onSubmit keeps a refused value in its field (React resets forms after an action={} submit).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-4"
      aria-label="Source settings"
    >
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <input type="hidden" name="sourceId" value={sourceId} />
      <Field label="Name" name="name" error={f.name}>
        <TextInput name="name" defaultValue={state.values?.name ?? name} invalid={!!f.name} maxLength={80} required />
      </Field>
      <Field
        label="Rate limit (events per second)"
        name="rateLimitPerSecond"
        error={f.rateLimitPerSecond}
        hint={`Leave empty for the default (${formatNumber(defaultLimit)} per second). Past the limit the tracking API answers 429 and libraries retry later.`}
      >
        <TextInput
          name="rateLimitPerSecond"
          inputMode="numeric"
          placeholder="Default"
          defaultValue={state.values?.rateLimitPerSecond ?? rateLimitPerSecond?.toString() ?? ""}
          invalid={!!f.rateLimitPerSecond}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
