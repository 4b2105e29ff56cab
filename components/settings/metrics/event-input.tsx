"use client";

import { formatNumber } from "@/lib/format";
import { PickerInput } from "./picker-input";

/** An event name the workspace has received, as the pickers describe it. */
export type SeenEvent = { name: string; type: string; recentCount: number; recentCountCapped: boolean };

export const SEEN_EVENTS_LIST = "metric-settings-seen-events";

/** One datalist for every event picker on the page. */
export function SeenEventsList({ events }: { events: SeenEvent[] }) {
  return (
    <datalist id={SEEN_EVENTS_LIST}>
      {events.map((event) => (
        <option key={event.name} value={event.name} label={describeSeenEvent(event)} />
      ))}
    </datalist>
  );
}

export function describeSeenEvent(event: SeenEvent): string {
  const count = `${formatNumber(event.recentCount)}${event.recentCountCapped ? "+" : ""}`;
  return `${event.type === "track" ? "event" : `${event.type} view`} · ${count} in the last 30 days`;
}

/**
 * An event picker. A name the workspace has not received yet is allowed (instrumentation often comes after
 * the plan) but flagged, since a typo would otherwise silently give zeros.
 */
export function EventInput({
  id,
  label,
  hideLabel,
  value,
  onChange,
  seen,
  error,
  hint,
  placeholder,
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  seen: ReadonlyMap<string, SeenEvent>;
  error?: string;
  hint?: string;
  placeholder?: string;
}) {
  const name = value.trim();
  const match = seen.get(name);
  let note = hint;
  if (name && !match)
    note = "Not received in this workspace yet: it counts once such events arrive. Check the spelling.";
  else if (match && match.type !== "track") note = `Received as a ${match.type} view, not as a track event.`;
  return (
    <PickerInput
      id={id}
      label={label}
      hideLabel={hideLabel}
      value={value}
      onChange={onChange}
      listId={SEEN_EVENTS_LIST}
      error={error}
      hint={note}
      placeholder={placeholder ?? "Event name"}
      maxLength={200}
    />
  );
}
