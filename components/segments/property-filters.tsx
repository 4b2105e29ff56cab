"use client";

import { Button } from "@/components/ui/button";
import type { SegmentConditionInput } from "@/lib/segments/rule-schema";
import { withOperator } from "@/lib/segments/ui/value-tests";
import type { ValueTest } from "@/lib/segments/value-test-schema";
import { useReadOnly } from "./condition-context";
import { ControlRow, TextControl } from "./controls";
import { useEventProperties, useSampleValues } from "./use-catalog";
import { ValueTestFields } from "./value-test-fields";

type Filter = NonNullable<Extract<SegmentConditionInput, { type: "event" }>["where"]>[number];

/**
 * "with revenue ≥ 50": property filters of an event condition; all must hold on the same event. Property
 * names come from the event's recent calls; a numeric-looking property starts as a number test.
 */
export function PropertyFilters({
  event,
  filters,
  onChange,
}: {
  event: string;
  filters: Filter[];
  onChange: (filters: Filter[]) => void;
}) {
  const readOnly = useReadOnly();
  const properties = useEventProperties(event);
  if (event.trim() === "$any") return null;
  const numeric = new Set((properties.data ?? []).filter((p) => p.numeric).map((p) => p.name));
  const replace = (index: number, next: Filter) => onChange(filters.map((f, i) => (i === index ? next : f)));
  return (
    <div className="space-y-2">
      {filters.map((filter, index) => (
        <FilterRow
          // biome-ignore lint/suspicious/noArrayIndexKey: filters have no identity but their position
          key={index}
          index={index}
          event={event}
          filter={filter}
          propertyNames={(properties.data ?? []).map((p) => p.name)}
          onChange={(next) => {
            // A property that looks numeric (revenue, quantity) gets an "at least" number test when first picked.
            const becameNumeric =
              next.property !== filter.property && numeric.has(next.property) && next.test.type === "string";
            replace(index, becameNumeric ? { ...next, test: withOperator({}, "number", "gte") } : next);
          }}
          onRemove={() => onChange(filters.filter((_, i) => i !== index))}
        />
      ))}
      {readOnly || filters.length >= 10 ? null : (
        <Button
          type="button"
          variant="ghost"
          className="px-2 py-1 text-xs"
          onClick={() =>
            onChange([...filters, { property: "", test: { type: "string", operator: "equals", value: "" } }])
          }
        >
          + Property filter
        </Button>
      )}
    </div>
  );
}

function FilterRow({
  index,
  event,
  filter,
  propertyNames,
  onChange,
  onRemove,
}: {
  index: number;
  event: string;
  filter: Filter;
  propertyNames: string[];
  onChange: (filter: Filter) => void;
  onRemove: () => void;
}) {
  const readOnly = useReadOnly();
  const values = useSampleValues(
    filter.test.type === "string" ? { of: "property", event: event.trim(), property: filter.property.trim() } : null,
  );
  return (
    <div className="rounded border border-dashed border-slate-300 bg-slate-50 p-2">
      <ControlRow>
        <span className="self-end pb-2 text-xs text-slate-500">with</span>
        <TextControl
          label={`Property ${index + 1}`}
          field={`where.${index}.property`}
          value={filter.property}
          className="w-40"
          suggestions={propertyNames}
          placeholder="Property name"
          onChange={(property) => onChange({ ...filter, property })}
        />
        <ValueTestFields
          test={filter.test as ValueTest}
          field={`where.${index}.test`}
          types={["string", "number", "boolean", "date"]}
          suggestions={values.data}
          subject={filter.property || "the property"}
          onChange={(test) => onChange({ ...filter, test })}
        />
        {readOnly ? null : (
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1 text-xs"
            aria-label={`Remove property filter ${index + 1}`}
            onClick={onRemove}
          >
            Remove
          </Button>
        )}
      </ControlRow>
    </div>
  );
}
