import type { Metadata } from "next";
import { AddMemberForm } from "@/components/team/add-member-form";
import { MemberRow } from "@/components/team/member-row";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { listTeam } from "@/lib/team/members";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const viewer = await requirePageRole("settings:manage");
  const members = await listTeam(await getDb(), viewer.workspace.id);
  return (
    <>
      <PageHeader title="Team" description="Who can sign in to this workspace, and what each role may do." />
      <Card title={`Members (${members.length})`}>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">Person</th>
              <th className="py-2 pr-4 font-medium">Role</th>
              <th className="py-2 pr-4 font-medium">Status</th>
              <th className="py-2 pr-4 font-medium">Last sign-in</th>
              <th className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <MemberRow
                key={m.userId}
                member={{
                  userId: m.userId,
                  name: m.name,
                  email: m.email,
                  role: m.role,
                  active: m.active,
                  lastLogin: m.lastLoginAt ? formatDateTime(m.lastLoginAt, viewer.workspace.timeZone) : "Never",
                  isSelf: m.userId === viewer.userId,
                }}
              />
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Add a teammate" className="mt-6">
        <AddMemberForm />
      </Card>
    </>
  );
}
