"use client";

import { NPS_BANDS, type SegmentConditionInput } from "@/lib/segments/rule-schema";
import { inputFromNumber, numberFromInput } from "@/lib/segments/ui/form-errors";
import { OPERATORS } from "@/lib/segments/ui/value-tests";
import type { ValueTest } from "@/lib/segments/value-test-schema";
import { ControlRow, SelectControl, TextControl } from "./controls";
import { useSampleValues } from "./use-catalog";
import { ValueTestFields } from "./value-test-fields";

type Of<T extends SegmentConditionInput["type"]> = Extract<SegmentConditionInput, { type: T }>;
type Props<T extends SegmentConditionInput["type"]> = { condition: Of<T>; onChange: (next: Of<T>) => void };

const BAND_LABELS: Record<(typeof NPS_BANDS)[number], string> = {
  detractor: "0–6 (detractor)",
  passive: "7–8 (passive)",
  promoter: "9–10 (promoter)",
};

export function NpsFields({ condition, onChange }: Props<"nps">) {
  return (
    <ControlRow>
      <SelectControl
        label="Latest NPS score"
        field="band"
        value={condition.band}
        options={NPS_BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] }))}
        onChange={(band) => onChange({ ...condition, band: band as Of<"nps">["band"] })}
      />
    </ControlRow>
  );
}

export function TicketAgeFields({ condition, onChange }: Props<"unresolved_ticket_older_than">) {
  return (
    <ControlRow>
      <TextControl
        label="Unresolved for more than (hours)"
        type="number"
        min={1}
        className="w-28"
        field="hours"
        value={inputFromNumber(condition.hours)}
        onChange={(value) => onChange({ ...condition, hours: numberFromInput(value) })}
      />
    </ControlRow>
  );
}

export function TicketCategoryFields({ condition, onChange }: Props<"tickets_in_category">) {
  const categories = useSampleValues({ of: "ticket_category" });
  const count = condition.count ?? { operator: "at_least", value: 1 };
  return (
    <ControlRow>
      <SelectControl
        label="Opened"
        field="count.operator"
        value={count.operator}
        options={[
          { value: "at_least", label: "at least" },
          { value: "at_most", label: "at most" },
          { value: "exactly", label: "exactly" },
        ]}
        onChange={(operator) =>
          onChange({ ...condition, count: { ...count, operator: operator as typeof count.operator } })
        }
      />
      <TextControl
        label="Tickets"
        type="number"
        min={0}
        className="w-20"
        field="count.value"
        value={inputFromNumber(count.value)}
        onChange={(value) => onChange({ ...condition, count: { ...count, value: numberFromInput(value) } })}
      />
      <TextControl
        label="In category"
        field="category"
        value={condition.category}
        className="w-44"
        suggestions={categories.data}
        placeholder="Pick or type a category"
        onChange={(category) => onChange({ ...condition, category })}
      />
      <TextControl
        label="In the last (days)"
        type="number"
        min={1}
        className="w-24"
        field="days"
        value={inputFromNumber(condition.days)}
        onChange={(value) => onChange({ ...condition, days: numberFromInput(value) })}
      />
    </ControlRow>
  );
}

export function CsatFields({ condition, onChange }: Props<"last_csat">) {
  return (
    <ControlRow>
      <span className="self-end pb-2 text-sm text-slate-600">Latest CSAT rating (1–5)</span>
      <ValueTestFields
        test={condition.test as ValueTest}
        field="test"
        types={["number"]}
        operators={OPERATORS.number}
        subject="the rating"
        onChange={(test) => onChange({ ...condition, test: test as Of<"last_csat">["test"] })}
      />
    </ControlRow>
  );
}
