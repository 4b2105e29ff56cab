"use client";

import { useActionState } from "react";
import { type SetupState, setupAction } from "@/app/(auth)/setup/actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function SetupForm({ defaultTimeZone }: { defaultTimeZone: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupAction, {});
  const f = state.fields ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h1 className="text-lg font-semibold text-slate-900">Set up Tenure</h1>
        <p className="text-sm text-slate-600">
          Create your workspace and the first admin account. This page is shown once.
        </p>
      </div>
      {state.message ? <Notice tone="error">{state.message}</Notice> : null}
      <Field label="Workspace name" name="workspaceName" error={f.workspaceName}>
        <TextInput name="workspaceName" defaultValue={v.workspaceName} invalid={!!f.workspaceName} required />
      </Field>
      <Field
        label="Time zone"
        name="timeZone"
        error={f.timeZone}
        hint="Days, weeks and months are counted in this zone."
      >
        <TextInput name="timeZone" defaultValue={v.timeZone ?? defaultTimeZone} invalid={!!f.timeZone} required />
      </Field>
      <Field label="Your name" name="name" error={f.name}>
        <TextInput name="name" defaultValue={v.name} autoComplete="name" invalid={!!f.name} required />
      </Field>
      <Field label="Email" name="email" error={f.email}>
        <TextInput name="email" type="email" defaultValue={v.email} autoComplete="email" invalid={!!f.email} required />
      </Field>
      <Field label="Password" name="password" error={f.password} hint="At least 10 characters.">
        <TextInput name="password" type="password" autoComplete="new-password" invalid={!!f.password} required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
