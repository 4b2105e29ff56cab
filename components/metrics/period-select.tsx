import { Field, Select } from "@/components/ui/field";
import type { Period } from "@/lib/metrics/periods";

/** The period picker of the analytics views (calendar periods in the workspace time zone). */
export function PeriodField({ value }: { value: Period }) {
  return (
    <Field label="Period" name="period">
      <Select name="period" defaultValue={value}>
        <option value="day">Day</option>
        <option value="week">Week (Monday start)</option>
        <option value="month">Month</option>
      </Select>
    </Field>
  );
}
