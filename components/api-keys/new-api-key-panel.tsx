"use client";

import { useEffect, useRef, useState } from "react";
import { CopyButton } from "@/components/sources/copy-button";
import { Button } from "@/components/ui/button";
import { curlExample } from "./curl-example";

/**
 * The secret of a key just created. Only this browser tab holds it: the server keeps a hash, so once the admin
 * dismisses it or leaves the page, nobody can see it again.
 */
export function NewApiKeyPanel({ created, origin }: { created: { name: string; secret: string }; origin: string }) {
  const [dismissed, setDismissed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen reader users land on the new key instead of staying on the form's button.
  useEffect(() => heading.current?.focus(), []);
  if (dismissed) return null;
  return (
    <section
      aria-labelledby="new-api-key-heading"
      className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4"
    >
      <h3 id="new-api-key-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold text-emerald-900">
        API key “{created.name}” created
      </h3>
      <p className="text-sm text-emerald-900">
        <strong>Copy it now: you won’t see it again.</strong> Tenure stores only a hash of it. If you lose it, revoke it
        and create a new one.
      </p>
      <div className="flex items-center gap-2">
        <code
          data-testid="new-api-key"
          className="flex-1 break-all rounded-md border border-slate-200 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        >
          {created.secret}
        </code>
        <CopyButton text={created.secret} />
      </div>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        {curlExample(origin, created.secret)}
      </pre>
      <Button type="button" variant="secondary" onClick={() => setDismissed(true)}>
        I’ve saved it
      </Button>
    </section>
  );
}
