import type { Metadata } from "next";
import { MetricSettingsForm } from "@/components/settings/metrics/metric-settings-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listAcquisitionChannels, listEventCatalog, listEventProperties } from "@/lib/metrics/event-catalog";
import { selectableTimeZones } from "@/lib/metrics/save-settings";
import { loadMetricContext } from "@/lib/metrics/settings";
import { settingsToDraft } from "@/lib/metrics/settings-form";

export const metadata: Metadata = { title: "Metrics settings" };

export default async function MetricSettingsPage() {
  const viewer = await requirePageRole("settings:manage");
  const db = await getDb();
  const context = await loadMetricContext(db, viewer.workspace.id);
  const [catalog, channels, purchaseProperties] = await Promise.all([
    listEventCatalog(db, viewer.workspace.id),
    listAcquisitionChannels(db, viewer.workspace.id),
    listEventProperties(db, viewer.workspace.id, context.settings.purchase.event),
  ]);
  return (
    <>
      <PageHeader
        title="Metrics settings"
        description="Which of your events mean sign-up, activation, onboarding, purchases and subscriptions, and the windows and time zone every metric is computed with. Pickers offer the event names this workspace has received; you can also type one that has not arrived yet."
      />
      <MetricSettingsForm
        initial={settingsToDraft(context.settings, context.timeZone)}
        events={catalog.map((e) => ({
          name: e.name,
          type: e.type,
          recentCount: e.recentCount,
          recentCountCapped: e.recentCountCapped,
        }))}
        initialPurchaseProperties={purchaseProperties}
        channels={channels}
        timeZones={selectableTimeZones(context.timeZone)}
        currency={viewer.workspace.currency}
      />
    </>
  );
}
