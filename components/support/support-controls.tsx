import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { SupportQuery } from "@/lib/support/query";

/**
 * Range, period and hours as a plain GET form: the URL holds the view, so a copied link reproduces it and
 * the back button undoes a change (as on Revenue).
 */
export function SupportControls({ query, hoursLabel }: { query: SupportQuery; hoursLabel: string }) {
  // The option stays short so the select never truncates it; the hours themselves are its tooltip and the
  // line under the controls.
  return (
    <form method="get" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-5">
      <Field label="Created from" name="from">
        <TextInput type="date" name="from" defaultValue={query.range.from} required />
      </Field>
      <Field label="Created to" name="to">
        <TextInput type="date" name="to" defaultValue={query.range.to} required />
      </Field>
      <Field label="Per" name="granularity">
        <Select name="granularity" defaultValue={query.granularity}>
          <option value="week">Week (Monday start)</option>
          <option value="month">Month</option>
        </Select>
      </Field>
      <Field label="Times in" name="hours">
        <Select name="hours" defaultValue={query.hours} title={`Business hours: ${hoursLabel}`}>
          <option value="calendar">Calendar hours</option>
          <option value="business">Business hours</option>
        </Select>
      </Field>
      <div className="flex items-end">
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
