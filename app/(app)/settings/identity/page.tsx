import type { Metadata } from "next";
import { IdentitySettingsForm } from "@/components/settings/identity/identity-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { DEFAULT_BLOCKED_VALUES } from "@/lib/customers/blocked";
import { loadIdentitySettings } from "@/lib/customers/identity-settings-load";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Identity settings" };

export default async function IdentitySettingsPage() {
  const viewer = await requirePageRole("settings:manage");
  const settings = await loadIdentitySettings(await getDb(), viewer.workspace.id);
  return (
    <>
      <PageHeader
        title="Identity"
        description="How events are matched to customer profiles: which identifier values are ignored, and when one anonymous id may join two signed-in users into one profile."
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card title="Identity resolution">
          <IdentitySettingsForm
            blockedIdentityValues={settings.blockedIdentityValues}
            maxUsersPerAnonymousId={settings.maxUsersPerAnonymousId}
          />
        </Card>
        <Card title="Always blocked">
          <p className="mb-3 text-sm text-slate-600">
            These values never identify anyone, whatever the settings say. Matching ignores case and surrounding spaces.
          </p>
          <ul className="flex flex-wrap gap-2" aria-label="Values that are always blocked">
            {DEFAULT_BLOCKED_VALUES.map((value) => (
              <li key={value} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
                {value === "" ? "(empty)" : value}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
