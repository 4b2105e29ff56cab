import { DROP_ALERT_RULE } from "@/lib/data-quality/drop-alert";
import type { EventVolume } from "@/lib/data-quality/volume";
import { formatNumber } from "@/lib/format";
import { dayLabel, weekdayLabel } from "./day-label";

/**
 * Events per name (rows) per local day (columns, today last), with the 7-day baseline the drop alert uses.
 * Rows with an alert are tinted; the table scrolls sideways on narrow screens instead of squeezing numbers.
 */
export function VolumeTable({ volume, alerted }: { volume: EventVolume; alerted: Set<string | null> }) {
  const { days } = volume.calendar;
  const baselineDays = DROP_ALERT_RULE.baselineDays;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-right text-xs tabular-nums" aria-label="Events per day">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="sticky left-0 bg-white py-2 pr-3 text-left font-medium">
              Event
            </th>
            {days.map((day, i) => (
              <th
                key={day}
                scope="col"
                className={`px-1.5 py-2 font-medium whitespace-nowrap ${i === days.length - 1 ? "bg-brand-50 text-brand-700" : ""}`}
              >
                <div>{i === days.length - 1 ? "Today" : weekdayLabel(day)}</div>
                <div className="font-normal">{dayLabel(day)}</div>
              </th>
            ))}
            <th
              scope="col"
              className="py-2 pl-3 font-medium whitespace-nowrap"
              title="Average of the 7 days before today"
            >
              7-day avg
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {volume.rows.map((row) => {
            const baseline = row.counts.slice(-1 - baselineDays, -1);
            const average = baseline.reduce((sum, n) => sum + n, 0) / baselineDays;
            const alert = alerted.has(row.name);
            return (
              <tr key={row.name ?? "(no name)"} className={alert ? "bg-amber-50" : ""}>
                <th
                  scope="row"
                  className={`sticky left-0 max-w-56 truncate py-1.5 pr-3 text-left font-medium ${alert ? "bg-amber-50 text-amber-900" : "bg-white text-slate-800"}`}
                  title={row.name ?? "Calls without an event name: identify, group, alias"}
                >
                  {row.name ?? <span className="text-slate-500">(no name: identify, group…)</span>}
                  {alert ? <span className="ml-1 text-amber-700">▼ low today</span> : null}
                </th>
                {row.counts.map((count, i) => (
                  <td
                    key={days[i]}
                    className={`px-1.5 py-1.5 ${count === 0 ? "text-slate-300" : "text-slate-700"} ${i === row.counts.length - 1 ? "bg-brand-50/60 font-semibold" : ""}`}
                  >
                    {formatNumber(count)}
                  </td>
                ))}
                <td className="py-1.5 pl-3 text-slate-600">{formatNumber(Math.round(average))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
