"use client";

import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { AcquisitionChannel } from "@/lib/metrics/event-catalog";
import type { CacDraftRow } from "@/lib/metrics/settings-form";
import { PickerInput } from "./picker-input";

const CHANNELS_LIST = "metric-settings-channels";

type CellOptions = Partial<
  Pick<ComponentProps<typeof PickerInput>, "placeholder" | "maxLength" | "listId" | "inputMode">
>;

/** The current month, YYYY-MM, as the default for a new row. */
function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

/**
 * Monthly acquisition cost: one row per month, or per month and acquisition channel. Field paths are
 * `cac.<row>.<column>`, as the server reports errors.
 */
export function CacTable({
  rows,
  onChange,
  channels,
  currency,
  fields,
}: {
  rows: CacDraftRow[];
  onChange: (rows: CacDraftRow[]) => void;
  channels: AcquisitionChannel[];
  currency: string;
  fields: Record<string, string>;
}) {
  const set = (index: number, key: keyof CacDraftRow) => (value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));
  const add = () => {
    onChange([...rows, { month: thisMonth(), channel: "", spend: "", customersAcquired: "" }]);
    requestAnimationFrame(() => document.getElementById(`cac.${rows.length}.spend`)?.focus());
  };
  return (
    <div className="space-y-3">
      <datalist id={CHANNELS_LIST}>
        {channels.map((c) => (
          <option key={c.channel} value={c.channel} label={`${c.customers.toLocaleString("en-US")} customers`} />
        ))}
      </datalist>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          No acquisition costs entered: LTV:CAC stays empty until you add a month.
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Acquisition cost per month</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">Month</th>
              <th className="py-2 pr-3 font-medium">Channel</th>
              <th className="py-2 pr-3 font-medium">Spend ({currency})</th>
              <th className="py-2 pr-3 font-medium">Customers acquired</th>
              <th className="py-2 font-medium">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody className="align-top">
            {rows.map((row, index) => {
              const n = index + 1;
              const cell = (key: keyof CacDraftRow, label: string, extra: CellOptions) => (
                <td className="py-1 pr-3">
                  <PickerInput
                    id={`cac.${index}.${key}`}
                    label={`${label}, row ${n}`}
                    hideLabel
                    value={row[key]}
                    onChange={set(index, key)}
                    error={fields[`cac.${index}.${key}`]}
                    {...extra}
                  />
                </td>
              );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
                <tr key={index}>
                  {cell("month", "Month", { placeholder: "YYYY-MM", maxLength: 7 })}
                  {cell("channel", "Channel", { placeholder: "All channels", listId: CHANNELS_LIST })}
                  {cell("spend", "Spend", { placeholder: "0", inputMode: "decimal" })}
                  {cell("customersAcquired", "Customers acquired", {
                    placeholder: "Count sign-ups",
                    inputMode: "numeric",
                  })}
                  <td className="py-1">
                    <Button type="button" variant="ghost" aria-label={`Remove row ${n}`} onClick={() => remove(index)}>
                      ✕
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {fields.cac ? <p className="text-xs text-red-700">{fields.cac}</p> : null}
      <Button type="button" variant="secondary" onClick={add}>
        Add a month
      </Button>
    </div>
  );
}
