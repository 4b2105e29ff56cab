import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";

/** The overview's period P, in the URL; presets for the usual Monday questions. */
export function RangeForm({
  from,
  to,
  presets,
}: {
  from: string;
  to: string;
  presets: { label: string; from: string; to: string }[];
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <div className="text-sm text-slate-700">
        <label htmlFor="from" className="mb-1 block font-medium">
          From
        </label>
        <TextInput type="date" name="from" defaultValue={from} required />
      </div>
      <div className="text-sm text-slate-700">
        <label htmlFor="to" className="mb-1 block font-medium">
          To
        </label>
        <TextInput type="date" name="to" defaultValue={to} required />
      </div>
      <Button type="submit">Apply</Button>
      <nav aria-label="Preset periods" className="flex flex-wrap gap-2 text-sm">
        {presets.map((p) => (
          <Link
            key={p.label}
            href={`?from=${p.from}&to=${p.to}`}
            className={`rounded-md px-2 py-1 ${p.from === from && p.to === to ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {p.label}
          </Link>
        ))}
      </nav>
    </form>
  );
}
