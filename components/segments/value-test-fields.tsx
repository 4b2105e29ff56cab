"use client";

import { inputFromNumber, numberFromInput } from "@/lib/segments/ui/form-errors";
import { OPERATORS, type Operator, VALUE_TYPES, type ValueType, withOperator } from "@/lib/segments/ui/value-tests";
import type { ValueTest } from "@/lib/segments/value-test-schema";
import { SelectControl, TextControl } from "./controls";

type Loose = Record<string, unknown>;

/**
 * The controls of one value test (a trait, an event property, a date or a number): how to read the value,
 * the operator, and the value(s) the operator needs. `field` is the test's path inside the condition
 * ("test", "where.0.test") so each box lights up with its own error.
 */
export function ValueTestFields({
  test,
  onChange,
  field,
  types,
  operators,
  suggestions,
  subject,
}: {
  test: ValueTest;
  onChange: (test: ValueTest) => void;
  field: string;
  /** The value types offered; one type hides the type picker. */
  types: readonly ValueType[];
  /** Overrides the operators of the type (e.g. comparisons without "is set"). */
  operators?: readonly Operator[];
  /** Example values for text tests. */
  suggestions?: readonly string[];
  /** What is tested, for the labels ("Value of plan"). */
  subject: string;
}) {
  const loose = test as unknown as Loose;
  const type = test.type;
  const ops = operators ?? OPERATORS[type];
  const set = (patch: Loose) => onChange({ ...loose, ...patch } as unknown as ValueTest);
  const text = (key: string) => (typeof loose[key] === "string" ? (loose[key] as string) : "");
  const num = (key: string) => inputFromNumber(loose[key] as number | undefined);
  return (
    <>
      {types.length > 1 ? (
        <SelectControl
          label="Read as"
          field={`${field}.type`}
          value={type}
          options={VALUE_TYPES.filter((t) => types.includes(t.value))}
          onChange={(next) => {
            const nextType = next as ValueType;
            onChange(withOperator(test, nextType, OPERATORS[nextType][0]?.value ?? "is_set"));
          }}
        />
      ) : null}
      <SelectControl
        label="Operator"
        field={`${field}.operator`}
        value={test.operator}
        options={ops}
        onChange={(operator) => onChange(withOperator(test, type, operator))}
      />
      {"value" in loose && type === "string" ? (
        <TextControl
          label={`Value of ${subject}`}
          field={`${field}.value`}
          value={text("value")}
          suggestions={suggestions}
          onChange={(value) => set({ value })}
        />
      ) : null}
      {"values" in loose ? (
        <TextControl
          label={`Values of ${subject} (comma-separated)`}
          field={`${field}.values`}
          value={Array.isArray(loose.values) ? (loose.values as string[]).join(", ") : ""}
          className="w-64"
          suggestions={suggestions}
          onChange={(value) =>
            set({
              values: value
                .split(",")
                .map((v) => v.trim())
                .filter((v, i, all) => v !== "" || i === all.length - 1),
            })
          }
        />
      ) : null}
      {"value" in loose && type === "number" ? (
        <TextControl
          label="Value"
          type="number"
          step="any"
          className="w-28"
          field={`${field}.value`}
          value={num("value")}
          onChange={(value) => set({ value: numberFromInput(value) })}
        />
      ) : null}
      {"min" in loose ? (
        <>
          <TextControl
            label="From"
            type="number"
            step="any"
            className="w-24"
            field={`${field}.min`}
            value={num("min")}
            onChange={(value) => set({ min: numberFromInput(value) })}
          />
          <TextControl
            label="To"
            type="number"
            step="any"
            className="w-24"
            field={`${field}.max`}
            value={num("max")}
            onChange={(value) => set({ max: numberFromInput(value) })}
          />
        </>
      ) : null}
      {"days" in loose ? (
        <TextControl
          label="Days"
          type="number"
          min={1}
          className="w-24"
          field={`${field}.days`}
          value={num("days")}
          onChange={(value) => set({ days: numberFromInput(value) })}
        />
      ) : null}
      {"date" in loose ? (
        <TextControl
          label="Date"
          type="date"
          className="w-40"
          field={`${field}.date`}
          value={text("date")}
          onChange={(date) => set({ date: date || undefined })}
        />
      ) : null}
      {"from" in loose ? (
        <>
          <TextControl
            label="From date"
            type="date"
            className="w-40"
            field={`${field}.from`}
            value={text("from")}
            onChange={(from) => set({ from: from || undefined })}
          />
          <TextControl
            label="To date"
            type="date"
            className="w-40"
            field={`${field}.to`}
            value={text("to")}
            onChange={(to) => set({ to: to || undefined })}
          />
        </>
      ) : null}
    </>
  );
}
