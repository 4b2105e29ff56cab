import type { Metadata } from "next";
import { SupportHoursForm } from "@/components/settings/support-hours-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { describeSupportHours } from "@/lib/support/hours";
import { loadSupportHours } from "@/lib/support/hours-store";
import { SUPPORT_NOTES } from "@/lib/support/notes";

export const metadata: Metadata = { title: "Support hours" };

export default async function SupportHoursPage() {
  const viewer = await requirePageRole("settings:manage");
  const { hours, isDefault } = await loadSupportHours(await getDb(), viewer.workspace.id);
  return (
    <>
      <PageHeader
        title="Support hours"
        description="When your support team works. The Support page can report response and resolution times in these business hours instead of calendar hours."
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card title="Business hours">
          <SupportHoursForm hours={hours} timeZone={viewer.workspace.timeZone} />
        </Card>
        <Card title="How they are used">
          <p className="text-sm text-slate-700">
            Now: <strong>{describeSupportHours(hours)}</strong> in {viewer.workspace.timeZone}
            {isDefault ? " (the default until you save)" : ""}.
          </p>
          <p className="mt-2 text-sm text-slate-600">{SUPPORT_NOTES.businessHours}</p>
          <p className="mt-2 text-sm text-slate-600">Every change is recorded in the audit log.</p>
        </Card>
      </div>
    </>
  );
}
