"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { type ApiKeyActionState, revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { Button } from "@/components/ui/button";

/**
 * Revoke with a confirmation step: the first button asks, the second revokes. Focus moves into the question
 * (on Cancel, the safe choice) and back to the button when cancelled; Escape cancels. Stays mounted after the
 * key is revoked so the result is still announced.
 */
export function RevokeApiKeyButton({ apiKeyId, name, revoked }: { apiKeyId: string; name: string; revoked: boolean }) {
  const [state, run, pending] = useActionState<ApiKeyActionState, FormData>(revokeApiKeyAction, {});
  const [asking, setAsking] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    const focusOn = asking ? "[data-focus=cancel]" : returnFocus.current ? "[data-focus=revoke]" : null;
    if (focusOn) container.current?.querySelector<HTMLButtonElement>(focusOn)?.focus();
  }, [asking]);

  function stopAsking() {
    returnFocus.current = true;
    setAsking(false);
  }

  return (
    <div ref={container} className="space-y-1">
      {revoked ? null : asking ? (
        <form
          action={(form) => {
            stopAsking();
            run(form);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") stopAsking();
          }}
          aria-label={`Revoke ${name}`}
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-left"
        >
          <input type="hidden" name="apiKeyId" value={apiKeyId} />
          <p className="text-sm text-amber-900">
            Programs using “{name}” get 401 from now on. A revoked key cannot be brought back.
          </p>
          <div className="flex gap-2">
            <Button type="submit" variant="danger">
              Revoke for good
            </Button>
            <Button data-focus="cancel" type="button" variant="secondary" onClick={stopAsking}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button
          data-focus="revoke"
          type="button"
          variant="danger"
          disabled={pending}
          aria-label={`Revoke ${name}`}
          onClick={() => setAsking(true)}
        >
          {pending ? "Revoking…" : "Revoke"}
        </Button>
      )}
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-slate-600" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
