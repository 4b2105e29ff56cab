"use client";

import { useActionState, useState } from "react";
import type { SourceActionState } from "@/app/(app)/settings/sources/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type Props = {
  sourceId: string;
  action: (state: SourceActionState, form: FormData) => Promise<SourceActionState>;
  label: string;
  /** What happens, shown before the admin confirms: both actions break senders at once. */
  warning: string;
  confirmLabel: string;
  variant: "secondary" | "danger";
};

/** A button for an action that cannot be undone: the first click asks, the second does it. */
export function ConfirmAction({ sourceId, action, label, warning, confirmLabel, variant }: Props) {
  const [state, run, pending] = useActionState<SourceActionState, FormData>(action, {});
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-2">
      {asking ? (
        <form
          action={(form) => {
            setAsking(false);
            run(form);
          }}
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
        >
          <input type="hidden" name="sourceId" value={sourceId} />
          <p className="text-sm text-amber-900">{warning}</p>
          <div className="flex gap-2">
            <Button type="submit" variant="danger">
              {confirmLabel}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant={variant} disabled={pending} onClick={() => setAsking(true)}>
          {pending ? "Working…" : label}
        </Button>
      )}
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
    </div>
  );
}
