import { jsonText } from "./json-value";

/**
 * The traits as the sources sent them, by name. Values are user-provided text: React escapes them, and long
 * values wrap instead of widening the page.
 */
export function TraitsTable({ traits }: { traits: Record<string, unknown> }) {
  const entries = Object.entries(traits).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    return <p className="text-sm text-slate-600">No traits yet. An identify call with traits fills them in.</p>;
  }
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="sr-only">
        <tr>
          <th>Trait</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th
              scope="row"
              className="w-2/5 py-1.5 pr-3 align-top font-mono text-xs font-normal text-slate-500 break-words"
            >
              {key}
            </th>
            <td className="py-1.5 break-words text-slate-800">{jsonText(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
