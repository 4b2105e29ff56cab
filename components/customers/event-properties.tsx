import { jsonText, shortJsonText } from "./json-value";

const PREVIEW_KEYS = 3;

/**
 * An event's properties in a line (the first few, shortened), and all of them as JSON behind a disclosure,
 * without client JavaScript. Text is escaped by React like everything a source sends.
 */
export function EventProperties({ properties }: { properties: Record<string, unknown> }) {
  const entries = Object.entries(properties);
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none text-xs text-slate-600 marker:hidden">
        {entries.slice(0, PREVIEW_KEYS).map(([key, value]) => (
          <span key={key} className="mr-2 inline-block max-w-64 truncate align-bottom" title={jsonText(value)}>
            <span className="text-slate-400">{key}:</span> {shortJsonText(value, 40)}
          </span>
        ))}
        {entries.length > PREVIEW_KEYS ? (
          <span className="mr-2 text-slate-400">+{entries.length - PREVIEW_KEYS} more</span>
        ) : null}
        <span className="font-medium text-brand-600 group-open:hidden">Expand</span>
        <span className="hidden font-medium text-brand-600 group-open:inline">Collapse</span>
      </summary>
      <pre className="mt-1 max-h-72 overflow-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap text-slate-700">
        {JSON.stringify(properties, null, 2)}
      </pre>
    </details>
  );
}
