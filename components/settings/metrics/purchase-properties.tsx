"use client";

import { useEffect, useState } from "react";
import { eventPropertiesAction } from "@/app/(app)/settings/metrics/actions";
import type { EventProperties } from "@/lib/metrics/event-catalog";
import type { MetricSettingsDraft } from "@/lib/metrics/settings-form";
import { PickerInput } from "./picker-input";

const PROPERTIES_LIST = "metric-settings-purchase-properties";

type Purchase = MetricSettingsDraft["purchase"];

/**
 * The purchase event's property pickers, suggesting the properties seen on the latest events of the chosen
 * purchase event; the suggestions follow when the event changes.
 */
export function PurchasePropertyInputs({
  purchase,
  onChange,
  initialProperties,
  initialEvent,
  fields,
}: {
  purchase: Purchase;
  onChange: (purchase: Purchase) => void;
  initialProperties: EventProperties;
  initialEvent: string;
  fields: Record<string, string>;
}) {
  const eventName = purchase.event.trim();
  const [loaded, setLoaded] = useState({ event: initialEvent.trim(), properties: initialProperties });
  useEffect(() => {
    if (!eventName || eventName === loaded.event) return;
    let current = true;
    // Waits for typing to pause, so a name typed letter by letter asks once.
    const timer = setTimeout(() => {
      eventPropertiesAction(eventName)
        .then((properties) => {
          if (current) setLoaded({ event: eventName, properties });
        })
        .catch(() => {
          if (current) setLoaded({ event: eventName, properties: { sampled: 0, properties: [] } });
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [eventName, loaded.event]);

  const { sampled, properties } = loaded.properties;
  const byName = new Map(properties.map((p) => [p.name, p]));
  const hintFor = (value: string, numeric: boolean): string | undefined => {
    const name = value.trim();
    if (!name || loaded.event !== eventName || sampled === 0) return undefined;
    const found = byName.get(name);
    if (!found) return `Not on the latest ${sampled.toLocaleString("en-US")} ${eventName} events.`;
    const share = Math.round((found.seenIn / sampled) * 100);
    if (numeric && found.numericIn < found.seenIn) return `On ${share}% of them; not always a number.`;
    return `On ${share}% of the latest ${eventName} events.`;
  };
  const set = (key: keyof Purchase) => (value: string) => onChange({ ...purchase, [key]: value });
  const input = (key: Exclude<keyof Purchase, "event">, label: string, numeric: boolean, placeholder: string) => (
    <PickerInput
      id={`purchase.${key}`}
      label={label}
      value={purchase[key]}
      onChange={set(key)}
      listId={PROPERTIES_LIST}
      error={fields[`purchase.${key}`]}
      hint={hintFor(purchase[key], numeric)}
      placeholder={placeholder}
      maxLength={200}
    />
  );

  return (
    <>
      <datalist id={PROPERTIES_LIST}>
        {properties.map((p) => (
          <option
            key={p.name}
            value={p.name}
            label={`on ${Math.round((p.seenIn / Math.max(sampled, 1)) * 100)}% of the latest events${p.numericIn === p.seenIn ? " · number" : ""}`}
          />
        ))}
      </datalist>
      <div className="grid gap-4 md:grid-cols-2">
        {input("revenueProperty", "Revenue property", true, "revenue")}
        {input("fallbackRevenueProperty", "Fallback revenue property (optional)", true, "None")}
        {input("discountProperty", "Discount property (optional)", true, "None")}
        {input("orderIdProperty", "Order id property (optional)", false, "None")}
      </div>
      <p className="text-xs text-slate-500" aria-live="polite">
        {sampled > 0 && loaded.event === eventName
          ? `Suggestions come from the latest ${sampled.toLocaleString("en-US")} ${eventName} events.`
          : eventName
            ? `No ${eventName} events received yet, so there are no properties to suggest.`
            : null}
      </p>
    </>
  );
}
