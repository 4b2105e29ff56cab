import { Select } from "@/components/ui/field";

/** An event picker: "any event" first, then the names the workspace has sent (the current value always listed). */
export function EventSelect({
  name,
  value,
  events,
  anyLabel,
}: {
  name: string;
  value: string;
  events: string[];
  anyLabel: string;
}) {
  const names = events.includes(value) || value === "$any" ? events : [value, ...events];
  return (
    <Select name={name} defaultValue={value}>
      <option value="$any">{anyLabel}</option>
      {names.map((event) => (
        <option key={event} value={event}>
          {event}
        </option>
      ))}
    </Select>
  );
}
