"use client";

import { useId, useState } from "react";
import type { SourceSnippets } from "@/lib/sources/snippets";
import { CopyButton } from "./copy-button";

const TABS = [
  { key: "node", label: "Node.js", note: "npm install @segment/analytics-node" },
  { key: "browser", label: "Browser (analytics.js)", note: "npm install @segment/analytics-next" },
  {
    key: "curl",
    label: "curl",
    note: "One track call; -u sends the key as the Basic user name, the colon leaves the password empty.",
  },
] as const satisfies readonly { key: keyof SourceSnippets; label: string; note: string }[];

/** The set-up snippets as tabs, each with a copy button. */
export function SnippetTabs({ snippets }: { snippets: SourceSnippets }) {
  const [active, setActive] = useState<keyof SourceSnippets>("node");
  const id = useId();
  const tab = TABS.find((t) => t.key === active) ?? TABS[0];
  return (
    <div>
      <div role="tablist" aria-label="Set-up snippets" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${id}-${t.key}`}
            aria-selected={t.key === active}
            aria-controls={`${id}-panel`}
            onClick={() => setActive(t.key)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              t.key === active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${active}`} className="pt-3">
        <div className="mb-2 flex items-center justify-between gap-2">
          <p className="font-mono text-xs text-slate-500">{tab.note}</p>
          <CopyButton text={snippets[active]} />
        </div>
        <pre
          data-testid="snippet"
          className="overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100"
        >
          {snippets[active]}
        </pre>
      </div>
    </div>
  );
}
