"use client";

import { ANY_EVENT } from "@/lib/segments/rule-schema";
import { TextControl } from "./controls";
import { useEventNames } from "./use-catalog";

/**
 * The event name of a condition: a text box offering the names the workspace has sent. "$any" (any track,
 * page or screen event) is offered as "any event" where the condition allows it.
 */
export function EventPicker({
  value,
  onChange,
  allowAny = true,
}: {
  value: string;
  onChange: (event: string) => void;
  allowAny?: boolean;
}) {
  const names = useEventNames();
  const suggestions = [...(allowAny ? [ANY_EVENT] : []), ...(names.data ?? []).map((e) => e.name)];
  return (
    <TextControl
      label="Event"
      field="event"
      value={value}
      className="w-56"
      placeholder={
        names.isLoading ? "Loading event names…" : allowAny ? "Pick an event, or $any for any" : "Pick an event"
      }
      suggestions={suggestions}
      onChange={onChange}
    />
  );
}
