"use client";

import { useEffect } from "react";

/**
 * Opens the ticket a link points at (#ticket-<id>, from the timeline or another page): a closed <details>
 * hides the history the reader came for. Runs on load and whenever the hash changes.
 */
export function OpenLinkedTicket() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("ticket-")) return;
      const details = document.getElementById(id)?.querySelector<HTMLDetailsElement>("details[data-ticket-details]");
      if (details) details.open = true;
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);
  return null;
}
