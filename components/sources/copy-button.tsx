"use client";

import { useState } from "react";

/**
 * Copies `text` to the clipboard. The Clipboard API only exists on https and localhost; elsewhere (plain
 * http on a server address) the button says so, and the text stays selectable on the page.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "unavailable">("idle");
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setStatus("copied");
        } catch {
          setStatus("unavailable");
        }
        setTimeout(() => setStatus("idle"), 2500);
      }}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
    >
      <span aria-live="polite">
        {status === "copied" ? "Copied" : status === "unavailable" ? "Select the text to copy" : label}
      </span>
    </button>
  );
}
