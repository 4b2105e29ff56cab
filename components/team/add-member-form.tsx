"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { addMemberAction, type TeamActionState } from "@/app/(app)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";

export function AddMemberForm() {
  const [state, action, pending] = useActionState<TeamActionState, FormData>(addMemberAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const f = state.fields ?? {};
  return (
    <form
      ref={formRef}
      // Submitting through onSubmit rather than action={} keeps what was typed and chosen when the server
      // answers with errors (React resets a form after an action); it is cleared only on success.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-4"
      aria-label="Add teammate"
    >
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" name="name" error={f.name}>
          <TextInput name="name" invalid={!!f.name} required />
        </Field>
        <Field label="Email" name="email" error={f.email}>
          <TextInput name="email" type="email" invalid={!!f.email} required />
        </Field>
        <Field label="Role" name="role" error={f.role}>
          <Select name="role" defaultValue="marketer" invalid={!!f.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]} — {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Temporary password"
          name="password"
          error={f.password}
          hint="At least 10 characters; share it privately."
        >
          <TextInput name="password" type="password" autoComplete="new-password" invalid={!!f.password} required />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add teammate"}
      </Button>
    </form>
  );
}
