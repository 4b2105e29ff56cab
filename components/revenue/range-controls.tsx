import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { RangeQuery } from "@/lib/metrics/kpis/range-query";

/**
 * From, to and granularity as a plain GET form: the URL holds the view, so a copied link reproduces it and the
 * back button undoes a change (as on Cohorts and Lifecycle).
 */
export function RangeControls({
  query,
  fromLabel,
  toLabel,
  granularityLabel,
}: {
  query: RangeQuery;
  fromLabel: string;
  toLabel: string;
  granularityLabel: string;
}) {
  return (
    <form method="get" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-4">
      <Field label={fromLabel} name="from">
        <TextInput type="date" name="from" defaultValue={query.range.from} required />
      </Field>
      <Field label={toLabel} name="to">
        <TextInput type="date" name="to" defaultValue={query.range.to} required />
      </Field>
      <Field label={granularityLabel} name="granularity">
        <Select name="granularity" defaultValue={query.granularity}>
          <option value="week">Week (Monday start)</option>
          <option value="month">Month</option>
        </Select>
      </Field>
      <div className="flex items-end">
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
