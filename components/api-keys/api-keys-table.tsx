import type { ApiKeySummary } from "@/lib/auth/api-keys";
import { formatDateTime } from "@/lib/format";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

/** Every key of the workspace: which one is which (name, prefix), who made it, whether it is in use. */
export function ApiKeysTable({ apiKeys, timeZone }: { apiKeys: ApiKeySummary[]; timeZone: string }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Name</th>
          <th className="py-2 pr-4 font-medium">Key</th>
          <th className="py-2 pr-4 font-medium">Created</th>
          <th className="py-2 pr-4 font-medium">Last used</th>
          <th className="py-2 pr-4 font-medium">Status</th>
          <th className="py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {apiKeys.map((key) => (
          <tr key={key.id} className={key.revokedAt ? "text-slate-500" : ""}>
            <td className="py-3 pr-4 font-medium">{key.name}</td>
            <td className="py-3 pr-4">
              <code className={`font-mono text-xs ${key.revokedAt ? "line-through" : ""}`}>{key.prefix}…</code>
            </td>
            <td className="py-3 pr-4 text-slate-600">
              <div className="whitespace-nowrap">{formatDateTime(key.createdAt, timeZone)}</div>
              <div className="text-xs text-slate-500">by {key.createdBy?.name ?? "a deleted user"}</div>
            </td>
            <td className="py-3 pr-4 whitespace-nowrap text-slate-600">
              {key.lastUsedAt ? formatDateTime(key.lastUsedAt, timeZone) : "Never"}
            </td>
            <td className="py-3 pr-4 whitespace-nowrap">
              {key.revokedAt ? (
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">
                  Revoked {formatDateTime(key.revokedAt, timeZone)}
                </span>
              ) : (
                <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">Active</span>
              )}
            </td>
            <td className="py-3 text-right">
              <RevokeApiKeyButton apiKeyId={key.id} name={key.name} revoked={key.revokedAt !== null} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
