import { EventSelect } from "@/components/metrics/event-select";
import { PeriodField } from "@/components/metrics/period-select";
import { SegmentField } from "@/components/metrics/segment-select";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { RetentionQuery } from "@/lib/metrics/retention-query";
import type { SegmentChoice } from "@/lib/metrics/segment-filter";

export type CohortView = "percent" | "counts";

/**
 * Every control of the explorer is a plain GET form field, so the URL holds the whole view: a copied link
 * reproduces it and the browser's back button undoes a change.
 */
export function CohortControls({
  query,
  view,
  events,
  traits,
  segments,
}: {
  query: RetentionQuery;
  view: CohortView;
  events: string[];
  traits: string[];
  segments: SegmentChoice[];
}) {
  return (
    <form method="get" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-4">
      <Field label="Start event" name="start_event" hint="What puts a customer in a cohort">
        <EventSelect name="start_event" value={query.startEvent} events={events} anyLabel="First event of any kind" />
      </Field>
      <Field label="Or start on entering" name="start_segment" hint="A segment's Segment Entered events, instead">
        <Select name="start_segment" defaultValue={query.startSegment ?? ""}>
          <option value="">No segment: use the start event</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Return event" name="return_event" hint="What counts as coming back">
        <EventSelect
          name="return_event"
          value={query.returnEvent}
          events={events}
          anyLabel="Any track, page or screen"
        />
      </Field>
      <Field label="Cohorts by" name="mode" hint="First start event ever, or every period with one">
        <Select name="mode" defaultValue={query.mode}>
          <option value="first_time">First time</option>
          <option value="recurring">Recurring</option>
        </Select>
      </Field>
      <Field label="Count a return" name="cumulative">
        <Select name="cumulative" defaultValue={String(query.cumulative)}>
          <option value="false">On that period</option>
          <option value="true">On or after that period</option>
        </Select>
      </Field>
      <PeriodField value={query.period} />
      <Field label="Cohorts from" name="from">
        <TextInput type="date" name="from" defaultValue={query.from} required />
      </Field>
      <Field label="Cohorts to" name="to">
        <TextInput type="date" name="to" defaultValue={query.to} required />
      </Field>
      <Field label="Break down by trait" name="breakdown">
        <Select name="breakdown" defaultValue={query.breakdown ?? ""}>
          <option value="">No breakdown</option>
          {(query.breakdown && !traits.includes(query.breakdown) ? [query.breakdown, ...traits] : traits).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </Field>
      <SegmentField value={query.segment} segments={segments} />
      <Field label="Show" name="show">
        <Select name="show" defaultValue={view}>
          <option value="percent">Percent of cohort</option>
          <option value="counts">Customer counts</option>
        </Select>
      </Field>
      <div className="flex items-end md:col-span-2">
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
