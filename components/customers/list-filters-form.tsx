import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { MAX_DAYS } from "@/lib/customers/list-params";
import { SORT_KEYS, SORT_LABELS } from "@/lib/customers/list-sort";
import { SearchHelp } from "./search-help";

/**
 * The list's search, filters and sort as a GET form: submitting it navigates to the URL of the new view, so
 * every view is a link. Keyed by the current values so that navigating (Clear, a sort link) resets the inputs.
 */
export function ListFiltersForm({ values, plans }: { values: Record<string, string>; plans: string[] }) {
  const v = (key: string) => values[key] ?? "";
  // A plan in the URL that no customer has any more still shows as selected.
  const planOptions = v("plan") && !plans.includes(v("plan")) ? [...plans, v("plan")] : plans;
  return (
    <Form action="/customers" key={JSON.stringify(values)} aria-label="Search customers" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-72 flex-1">
          <Field label="Search" name="q">
            <TextInput
              type="search"
              name="q"
              defaultValue={v("q")}
              placeholder="Email, customer id, name, phone, or trait:value such as plan:pro"
            />
          </Field>
        </div>
        <Button type="submit">Search</Button>
      </div>
      <SearchHelp />
      <div className="grid gap-3 sm:grid-cols-3 xl:grid-cols-6">
        <Field label="Plan" name="plan">
          <Select name="plan" defaultValue={v("plan")}>
            <option value="">Any plan</option>
            {planOptions.map((plan) => (
              <option key={plan} value={plan}>
                {plan}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Orders" name="orders">
          <Select name="orders" defaultValue={v("orders")}>
            <option value="">Any</option>
            <option value="with">With orders</option>
            <option value="without">Without orders</option>
          </Select>
        </Field>
        <Field label="Seen within (days)" name="seen">
          <TextInput type="number" name="seen" min={1} max={MAX_DAYS} defaultValue={v("seen")} placeholder="e.g. 30" />
        </Field>
        <Field label="Not seen for (days)" name="unseen" hint="Includes never seen.">
          <TextInput
            type="number"
            name="unseen"
            min={1}
            max={MAX_DAYS}
            defaultValue={v("unseen")}
            placeholder="e.g. 60"
          />
        </Field>
        <Field label="Trait" name="trait">
          <TextInput name="trait" defaultValue={v("trait")} placeholder="e.g. country" />
        </Field>
        <Field label="Equals" name="value">
          <TextInput name="value" defaultValue={v("value")} placeholder="e.g. GB" />
        </Field>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Field label="Sort by" name="sort">
            <Select name="sort" defaultValue={v("sort") || "last_seen"}>
              {SORT_KEYS.map((key) => (
                <option key={key} value={key}>
                  {SORT_LABELS[key]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="w-56">
          <Field label="Order" name="dir">
            <Select name="dir" defaultValue={v("dir") || "desc"}>
              <option value="desc">Highest or newest first</option>
              <option value="asc">Lowest or oldest first</option>
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link href="/customers" className="py-2 text-sm font-medium text-brand-600 hover:underline">
          Clear all
        </Link>
      </div>
    </Form>
  );
}
