"use client";

import { revokeSourceAction, rotateKeyAction } from "@/app/(app)/settings/sources/actions";
import { ConfirmAction } from "./confirm-action";
import { CopyButton } from "./copy-button";

/** The source's write key with copy, rotate and revoke; a revoked source shows its dead key crossed out. */
export function WriteKeyPanel({
  sourceId,
  writeKey,
  revoked,
}: {
  sourceId: string;
  writeKey: string;
  revoked: boolean;
}) {
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-2">
        <code
          data-testid="write-key"
          className={`flex-1 break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm ${
            revoked ? "text-slate-400 line-through" : "text-slate-900"
          }`}
        >
          {writeKey}
        </code>
        {revoked ? null : <CopyButton text={writeKey} />}
      </div>
      {revoked ? (
        <p className="text-sm text-slate-600">
          This key no longer works: the tracking API answers 401 to it. Events already received stay.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Libraries send it as the HTTP Basic user name with an empty password (or as <code>writeKey</code> in the
            body). Like a Segment write key it is visible to anyone who can read your web pages; rotate it if it is
            misused.
          </p>
          <div className="flex flex-wrap items-start gap-3">
            <ConfirmAction
              sourceId={sourceId}
              action={rotateKeyAction}
              label="Rotate key"
              warning="A new key replaces this one now; every sender still using the old key gets 401 until it is updated."
              confirmLabel="Rotate now"
              variant="secondary"
            />
            <ConfirmAction
              sourceId={sourceId}
              action={revokeSourceAction}
              label="Revoke source"
              warning="The key stops working for good and cannot be brought back. The source and its history stay."
              confirmLabel="Revoke for good"
              variant="danger"
            />
          </div>
        </>
      )}
    </div>
  );
}
