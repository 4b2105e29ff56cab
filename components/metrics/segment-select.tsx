import { Field, Select } from "@/components/ui/field";
import type { SegmentChoice } from "@/lib/metrics/segment-filter";

/** "Customers in": everyone, or the current members of one saved segment (the `segment` URL parameter). */
export function SegmentField({ value, segments }: { value: string | null | undefined; segments: SegmentChoice[] }) {
  return (
    <Field label="Customers in" name="segment" hint="Current members of a saved segment">
      <Select name="segment" defaultValue={value ?? ""}>
        <option value="">All customers</option>
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.status === "active" ? s.name : `${s.name} (draft: no members)`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
