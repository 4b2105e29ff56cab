import type { Metadata } from "next";
import { BlockedMergesTable } from "@/components/data-quality/blocked-merges-table";
import { dayLabel } from "@/components/data-quality/day-label";
import { DropAlerts } from "@/components/data-quality/drop-alerts";
import { RejectionsTable } from "@/components/data-quality/rejections-table";
import { VolumeChart } from "@/components/data-quality/volume-chart";
import { VolumeTable } from "@/components/data-quality/volume-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { can } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { blockedMerges } from "@/lib/data-quality/blocked-merges";
import { DROP_ALERT_RULE, volumeDrops } from "@/lib/data-quality/drop-alert";
import { identifiedShare } from "@/lib/data-quality/identified";
import { rejectionsByReason } from "@/lib/data-quality/rejections";
import { eventVolumeByDay } from "@/lib/data-quality/volume";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Data quality" };

export default async function DataQualityPage() {
  const viewer = await requirePageRole("analytics:read");
  const db = await getDb();
  const workspaceId = viewer.workspace.id;
  const now = new Date();
  const [volume, rejections, merges, identified] = await Promise.all([
    eventVolumeByDay(db, workspaceId, { now, days: 14 }),
    rejectionsByReason(db, workspaceId, { now, days: 7 }),
    blockedMerges(db, workspaceId, { limit: 20 }),
    identifiedShare(db, workspaceId, { now, days: 7 }),
  ]);
  const drops = volumeDrops(volume);
  const tz = viewer.workspace.timeZone;
  const clock = volume.calendar.timeOfDay.slice(0, 5);
  const totals = volume.calendar.days.map((day, i) => ({
    label: i === volume.calendar.days.length - 1 ? "Today" : dayLabel(day),
    events: volume.rows.reduce((sum, row) => sum + (row.counts[i] ?? 0), 0),
    today: i === volume.calendar.days.length - 1,
  }));
  const rule = DROP_ALERT_RULE;
  const sendHint = can(viewer.role, "settings:manage")
    ? "Create a source under Settings → Sources and send events with its snippet"
    : "Ask a workspace admin to create a source and send events with it";
  return (
    <>
      <PageHeader
        title="Data quality"
        description={`Is the data arriving, and arriving whole? Days are calendar days in ${tz}, where it is ${clock} now.`}
      />
      <DropAlerts drops={drops} clock={clock} />

      <Card title="Event volume, last 14 days">
        {volume.rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            No events in the last 14 days. {sendHint}; they are counted here per event name and day, and an alert
            appears when an event that usually arrives stops.
          </p>
        ) : (
          <div className="space-y-4">
            <VolumeChart totals={totals} />
            <VolumeTable volume={volume} alerted={new Set(drops.map((d) => d.name))} />
          </div>
        )}
        <p className="mt-4 text-xs text-slate-500">
          <span className="font-medium">When is volume "low today"? </span>
          For an event averaging at least {rule.minDailyAverage} a day over the {rule.baselineDays} complete days before
          today, we expect as many by now as arrived on average by {clock} on those days. The alert shows when
          today&apos;s count so far is below {rule.threshold * 100}% of that, once at least {rule.minExpectedSoFar} were
          expected by this hour (so quiet early mornings never alarm). Events count on the day and hour of their own
          timestamp.
        </p>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Stat
          label="Events from identified customers"
          value={identified.share === null ? "—" : `${(identified.share * 100).toFixed(1)}%`}
          note={
            identified.share === null
              ? `No events in the last 7 days (today included). ${sendHint}.`
              : `${formatNumber(identified.identifiedEvents)} of ${formatNumber(identified.events)} events in the last 7 days (today included) carried a userId; the rest only an anonymousId. Low shares mean senders call identify late or not at all.`
          }
        />
        <Card title={`Rejected events by reason, last 7 days (${formatNumber(rejections.total)})`}>
          <RejectionsTable summary={rejections} timeZone={tz} />
        </Card>
      </div>

      <Card title={`Blocked merges (${formatNumber(merges.total)})`} className="mt-6">
        <BlockedMergesTable merges={merges} timeZone={tz} />
        {merges.total > merges.latest.length ? (
          <p className="mt-3 text-xs text-slate-500">Showing the latest {merges.latest.length}.</p>
        ) : null}
      </Card>
    </>
  );
}
