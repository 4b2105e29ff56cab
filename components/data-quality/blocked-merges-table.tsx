import type { BlockedMerges } from "@/lib/data-quality/blocked-merges";
import { formatDateTime } from "@/lib/format";

const KIND_LABELS: Record<string, string> = {
  blocked_identifier: "Blocked identifier",
  merge_limit: "Too many profiles",
};

export function BlockedMergesTable({ merges, timeZone }: { merges: BlockedMerges; timeZone: string }) {
  if (merges.latest.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No merges were blocked. Identity resolution refuses to merge profiles through a placeholder value on the
        workspace&apos;s block list (such as <code className="font-mono">test@test.com</code>) or through one identifier
        shared by too many customers; each refusal is listed here so you can fix the sender.
      </p>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">When</th>
          <th className="py-2 pr-4 font-medium">Why</th>
          <th className="py-2 pr-4 font-medium">Identifier</th>
          <th className="py-2 font-medium">Details</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {merges.latest.map((m) => (
          <tr key={m.id} className="align-top">
            <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{formatDateTime(m.createdAt, timeZone)}</td>
            <td className="py-2 pr-4 whitespace-nowrap">{KIND_LABELS[m.kind] ?? m.kind}</td>
            <td className="py-2 pr-4">
              <span className="text-slate-500">{m.identifierKind ?? "identifier"}</span>{" "}
              <span className="font-mono text-xs">{m.identifierValue ?? "—"}</span>
            </td>
            <td className="py-2">
              <code className="font-mono text-xs break-all text-slate-600">{JSON.stringify(m.details)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
