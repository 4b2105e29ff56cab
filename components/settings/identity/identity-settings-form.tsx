"use client";

import { startTransition, useActionState } from "react";
import { type IdentitySettingsActionState, saveIdentitySettingsAction } from "@/app/(app)/settings/identity/actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { MAX_USERS_PER_ANONYMOUS_ID_CEILING } from "@/lib/customers/identity-settings";

const TEXTAREA =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-400";

/** The workspace's extra blocked identifier values (one per line) and the per-identifier limit. */
export function IdentitySettingsForm({
  blockedIdentityValues,
  maxUsersPerAnonymousId,
}: {
  blockedIdentityValues: string[];
  maxUsersPerAnonymousId: number;
}) {
  const [state, action, pending] = useActionState<IdentitySettingsActionState, FormData>(
    saveIdentitySettingsAction,
    {},
  );
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
      aria-label="Identity settings"
    >
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <Field
        label="Extra blocked values"
        name="blockedIdentityValues"
        error={f.blockedIdentityValues}
        hint="One per line: placeholder ids your apps send by mistake (test-user, 12345). An event whose every id is blocked is rejected; a blocked id next to a good one is ignored."
      >
        <textarea
          id="blockedIdentityValues"
          name="blockedIdentityValues"
          rows={6}
          defaultValue={state.values?.blockedIdentityValues ?? blockedIdentityValues.join("\n")}
          aria-invalid={f.blockedIdentityValues ? true : undefined}
          aria-describedby={f.blockedIdentityValues ? "blockedIdentityValues-error" : undefined}
          className={TEXTAREA}
        />
      </Field>
      <Field
        label="Users per anonymous id"
        name="maxUsersPerAnonymousId"
        error={f.maxUsersPerAnonymousId}
        hint={`How many signed-in users one anonymous id may join into one profile (1 to ${MAX_USERS_PER_ANONYMOUS_ID_CEILING}). 1, the default, never merges two users: right for shared devices. 2 merges a user who signs in under a second user id on the same device.`}
      >
        <TextInput
          name="maxUsersPerAnonymousId"
          inputMode="numeric"
          defaultValue={state.values?.maxUsersPerAnonymousId ?? String(maxUsersPerAnonymousId)}
          invalid={!!f.maxUsersPerAnonymousId}
          required
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
