"use client";

import type { SegmentConditionInput } from "@/lib/segments/rule-schema";
import { inputFromNumber, numberFromInput } from "@/lib/segments/ui/form-errors";
import { ControlRow, SelectControl, TextControl } from "./controls";
import { EventPicker } from "./event-picker";
import { PropertyFilters } from "./property-filters";

type Of<T extends SegmentConditionInput["type"]> = Extract<SegmentConditionInput, { type: T }>;
type Props<T extends SegmentConditionInput["type"]> = { condition: Of<T>; onChange: (next: Of<T>) => void };
type Window = NonNullable<Of<"event">["window"]>;

const COUNT_OPERATORS = [
  { value: "at_least", label: "at least" },
  { value: "at_most", label: "at most" },
  { value: "exactly", label: "exactly" },
] as const;

const WINDOWS = [
  { value: "last", label: "in the last" },
  { value: "between", label: "between dates" },
  { value: "all_time", label: "ever" },
];

/** Performed / did not perform an event, how often, when, and with which properties. */
export function EventConditionFields({ condition, onChange }: Props<"event">) {
  const window: Window = condition.window ?? { type: "all_time" };
  const count = condition.count ?? { operator: "at_least", value: 1 };
  return (
    <div className="space-y-2">
      <ControlRow>
        <SelectControl
          label="Customer"
          field="operator"
          value={condition.operator}
          options={[
            { value: "performed", label: "performed" },
            { value: "not_performed", label: "did not perform" },
          ]}
          onChange={(operator) =>
            onChange(
              operator === "not_performed"
                ? { ...condition, operator: "not_performed", count: undefined }
                : { ...condition, operator: "performed", count: { operator: "at_least", value: 1 } },
            )
          }
        />
        <EventPicker value={condition.event} onChange={(event) => onChange({ ...condition, event })} />
        {condition.operator === "performed" ? (
          <>
            <SelectControl
              label="How often"
              field="count.operator"
              value={count.operator}
              options={COUNT_OPERATORS}
              onChange={(operator) =>
                onChange({ ...condition, count: { ...count, operator: operator as typeof count.operator } })
              }
            />
            <TextControl
              label="Times"
              type="number"
              min={0}
              className="w-20"
              field="count.value"
              value={inputFromNumber(count.value)}
              onChange={(value) => onChange({ ...condition, count: { ...count, value: numberFromInput(value) } })}
            />
          </>
        ) : null}
        <SelectControl
          label="When"
          field="window.type"
          value={window.type}
          options={WINDOWS}
          onChange={(type) =>
            onChange({
              ...condition,
              window:
                type === "last"
                  ? { type: "last", amount: 30, unit: "days" }
                  : type === "between"
                    ? ({ type: "between" } as Window)
                    : { type: "all_time" },
            })
          }
        />
        {window.type === "last" ? (
          <>
            <TextControl
              label="Last"
              type="number"
              min={1}
              className="w-20"
              field="window.amount"
              value={inputFromNumber(window.amount)}
              onChange={(value) => onChange({ ...condition, window: { ...window, amount: numberFromInput(value) } })}
            />
            <SelectControl
              label="Unit"
              field="window.unit"
              value={window.unit}
              options={[
                { value: "days", label: "days" },
                { value: "weeks", label: "weeks" },
              ]}
              onChange={(unit) => onChange({ ...condition, window: { ...window, unit: unit as "days" | "weeks" } })}
            />
          </>
        ) : null}
        {window.type === "between" ? (
          <>
            <TextControl
              label="From date"
              type="date"
              className="w-40"
              field="window.from"
              value={window.from ?? ""}
              onChange={(from) => onChange({ ...condition, window: { ...window, from } })}
            />
            <TextControl
              label="To date"
              type="date"
              className="w-40"
              field="window.to"
              value={window.to ?? ""}
              onChange={(to) => onChange({ ...condition, window: { ...window, to } })}
            />
          </>
        ) : null}
      </ControlRow>
      <PropertyFilters
        event={condition.event}
        filters={condition.where ?? []}
        onChange={(where) => onChange({ ...condition, where })}
      />
    </div>
  );
}

/** First or last time an event was performed, within / more than N days ago. */
export function EventTimeFields({ condition, onChange }: Props<"event_time">) {
  return (
    <ControlRow>
      <SelectControl
        label="Which time"
        field="which"
        value={condition.which}
        options={[
          { value: "last", label: "last" },
          { value: "first", label: "first" },
        ]}
        onChange={(which) => onChange({ ...condition, which: which as "first" | "last" })}
      />
      <EventPicker value={condition.event} onChange={(event) => onChange({ ...condition, event })} />
      <SelectControl
        label="Was"
        field="operator"
        value={condition.operator}
        options={[
          { value: "more_than_ago", label: "more than … days ago" },
          { value: "within_last", label: "within the last … days" },
        ]}
        onChange={(operator) => onChange({ ...condition, operator: operator as "within_last" | "more_than_ago" })}
      />
      <TextControl
        label="Days"
        type="number"
        min={1}
        className="w-20"
        field="days"
        value={inputFromNumber(condition.days)}
        onChange={(value) => onChange({ ...condition, days: numberFromInput(value) })}
      />
    </ControlRow>
  );
}

/** The count in the last N days against the N days before: fell or rose by at least p %. */
export function FrequencyChangeFields({ condition, onChange }: Props<"frequency_change">) {
  return (
    <div className="space-y-2">
      <ControlRow>
        <EventPicker value={condition.event} onChange={(event) => onChange({ ...condition, event })} />
        <SelectControl
          label="Frequency"
          field="direction"
          value={condition.direction}
          options={[
            { value: "fell", label: "fell by at least" },
            { value: "rose", label: "rose by at least" },
          ]}
          onChange={(direction) => onChange({ ...condition, direction: direction as "fell" | "rose" })}
        />
        <TextControl
          label="Percent"
          type="number"
          min={1}
          className="w-20"
          field="percent"
          value={inputFromNumber(condition.percent)}
          onChange={(value) => onChange({ ...condition, percent: numberFromInput(value) })}
        />
        <TextControl
          label="Last N days vs the N before"
          type="number"
          min={1}
          className="w-24"
          field="windowDays"
          value={inputFromNumber(condition.windowDays)}
          onChange={(value) => onChange({ ...condition, windowDays: numberFromInput(value) })}
        />
      </ControlRow>
      <PropertyFilters
        event={condition.event}
        filters={condition.where ?? []}
        onChange={(where) => onChange({ ...condition, where })}
      />
    </div>
  );
}
