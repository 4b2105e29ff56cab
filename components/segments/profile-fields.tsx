"use client";

import { LIFECYCLE_STATUSES, type SegmentConditionInput } from "@/lib/segments/rule-schema";
import { COMPARE_OPERATORS, OPERATORS } from "@/lib/segments/ui/value-tests";
import type { ValueTest } from "@/lib/segments/value-test-schema";
import { ControlRow, SelectControl, TextControl } from "./controls";
import { useSampleValues, useTraitNames } from "./use-catalog";
import { ValueTestFields } from "./value-test-fields";

type Of<T extends SegmentConditionInput["type"]> = Extract<SegmentConditionInput, { type: T }>;
type Props<T extends SegmentConditionInput["type"]> = { condition: Of<T>; onChange: (next: Of<T>) => void };

/** A trait test: trait names and example values from recent profiles. */
export function TraitFields({ condition, onChange }: Props<"trait">) {
  const traits = useTraitNames();
  const values = useSampleValues(
    condition.test.type === "string" ? { of: "trait", trait: condition.trait.trim() } : null,
  );
  return (
    <ControlRow>
      <TextControl
        label="Trait"
        field="trait"
        value={condition.trait}
        className="w-44"
        placeholder={traits.isLoading ? "Loading traits…" : "Pick or type a trait"}
        suggestions={traits.data}
        onChange={(trait) => onChange({ ...condition, trait })}
      />
      <ValueTestFields
        test={condition.test as ValueTest}
        field="test"
        types={["string", "number", "boolean", "date"]}
        suggestions={values.data}
        subject={condition.trait || "the trait"}
        onChange={(test) => onChange({ ...condition, test })}
      />
    </ControlRow>
  );
}

const MEASURES = [
  { value: "orders", label: "number of orders" },
  { value: "lifetime_revenue", label: "lifetime revenue" },
  { value: "days_since_last_order", label: "days since last order" },
] as const;

export function CommerceFields({ condition, onChange }: Props<"commerce">) {
  return (
    <ControlRow>
      <SelectControl
        label="Measure"
        field="measure"
        value={condition.measure}
        options={MEASURES}
        onChange={(measure) => onChange({ ...condition, measure: measure as Of<"commerce">["measure"] })}
      />
      <ValueTestFields
        test={condition.test as ValueTest}
        field="test"
        types={["number"]}
        operators={COMPARE_OPERATORS}
        subject="the measure"
        onChange={(test) => onChange({ ...condition, test: test as Of<"commerce">["test"] })}
      />
    </ControlRow>
  );
}

export function SignupFields({ condition, onChange }: Props<"signup">) {
  return (
    <ControlRow>
      <span className="self-end pb-2 text-sm text-slate-600">Signed up</span>
      <ValueTestFields
        test={condition.test as ValueTest}
        field="test"
        types={["date"]}
        operators={OPERATORS.date}
        subject="the signup date"
        onChange={(test) => onChange({ ...condition, test: test as Of<"signup">["test"] })}
      />
    </ControlRow>
  );
}

/** Activated / completed onboarding: yes or no. */
export function YesNoFields({
  value,
  onChange,
  yes,
  no,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
  yes: string;
  no: string;
}) {
  return (
    <ControlRow>
      <SelectControl
        label="Customer"
        field="value"
        value={value ? "yes" : "no"}
        options={[
          { value: "yes", label: yes },
          { value: "no", label: no },
        ]}
        onChange={(v) => onChange(v === "yes")}
      />
    </ControlRow>
  );
}

export function LifecycleFields({ condition, onChange }: Props<"lifecycle_status">) {
  return (
    <ControlRow>
      <SelectControl
        label="Status"
        field="status"
        value={condition.status}
        options={LIFECYCLE_STATUSES.map((s) => ({ value: s, label: s }))}
        onChange={(status) => onChange({ ...condition, status: status as Of<"lifecycle_status">["status"] })}
      />
      <SelectControl
        label="In the last complete"
        field="period"
        value={condition.period ?? "week"}
        options={[
          { value: "day", label: "day" },
          { value: "week", label: "week (Mon–Sun)" },
          { value: "month", label: "month" },
        ]}
        onChange={(period) => onChange({ ...condition, period: period as "day" | "week" | "month" })}
      />
    </ControlRow>
  );
}
