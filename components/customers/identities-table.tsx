import type { CustomerIdentity } from "@/lib/customers/profile";
import { formatDateTime } from "@/lib/format";

const KIND_LABELS: Record<string, string> = { user_id: "User id", anonymous_id: "Anonymous id", email: "Email" };

/** The identifiers that resolve to this profile; events carrying any of them land here. */
export function IdentitiesTable({ identities, timeZone }: { identities: CustomerIdentity[]; timeZone: string }) {
  if (identities.length === 0) {
    return <p className="text-sm text-slate-600">No identities recorded for this profile.</p>;
  }
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="w-28 py-1.5 pr-3 font-medium">Kind</th>
          <th className="py-1.5 pr-3 font-medium">Value</th>
          <th className="w-44 py-1.5 font-medium">Since</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {identities.map((identity) => (
          <tr key={`${identity.kind}:${identity.value}`}>
            <td className="py-1.5 pr-3 align-top text-slate-600">{KIND_LABELS[identity.kind] ?? identity.kind}</td>
            <td className="py-1.5 pr-3 align-top font-mono text-xs break-all">{identity.value}</td>
            <td className="py-1.5 align-top text-xs text-slate-600">{formatDateTime(identity.since, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
