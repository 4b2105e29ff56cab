"use client";

import { useActionState } from "react";
import { changeRoleAction, setActiveAction, type TeamActionState } from "@/app/(app)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

export type MemberRowData = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastLogin: string;
  isSelf: boolean;
};

export function MemberRow({ member }: { member: MemberRowData }) {
  const [roleState, roleAction, rolePending] = useActionState<TeamActionState, FormData>(changeRoleAction, {});
  const [activeState, activeAction, activePending] = useActionState<TeamActionState, FormData>(setActiveAction, {});
  const message = [roleState, activeState].find((s) => s.message && !s.ok)?.message;
  return (
    <tr className={member.active ? "" : "bg-slate-50 text-slate-500"}>
      <td className="py-3 pr-4">
        <div className="font-medium">
          {member.name}
          {member.isSelf ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
        </div>
        <div className="text-xs text-slate-500">{member.email}</div>
        {message ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {message}
          </p>
        ) : null}
      </td>
      <td className="py-3 pr-4">
        {/* Keyed by the saved role: after a change the select shows what the server stored, and after a refusal
            React's form reset puts it back to the role the person still has. */}
        <form key={member.role} action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={member.userId} />
          <label className="sr-only" htmlFor={`role-${member.userId}`}>
            Role of {member.name}
          </label>
          <select
            id={`role-${member.userId}`}
            name="role"
            defaultValue={member.role}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" className="px-2 py-1" disabled={rolePending}>
            Save
          </Button>
        </form>
      </td>
      <td className="py-3 pr-4 text-sm">{member.active ? "Active" : "Deactivated"}</td>
      <td className="py-3 pr-4 text-sm whitespace-nowrap">{member.lastLogin}</td>
      <td className="py-3 text-right">
        {member.isSelf ? null : (
          <form action={activeAction}>
            <input type="hidden" name="userId" value={member.userId} />
            <input type="hidden" name="active" value={member.active ? "false" : "true"} />
            <Button type="submit" variant={member.active ? "danger" : "secondary"} disabled={activePending}>
              {member.active ? "Deactivate" : "Reactivate"}
            </Button>
          </form>
        )}
      </td>
    </tr>
  );
}
