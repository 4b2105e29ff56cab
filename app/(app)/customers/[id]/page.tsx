import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { EventTimeline } from "@/components/customers/event-timeline";
import { IdentitiesTable } from "@/components/customers/identities-table";
import { OpenLinkedTicket } from "@/components/customers/open-linked-ticket";
import { Pager } from "@/components/customers/pager";
import { ProfileFacts } from "@/components/customers/profile-facts";
import { ProfileHeader } from "@/components/customers/profile-header";
import { TicketTable } from "@/components/customers/ticket-table";
import { TraitsTable } from "@/components/customers/traits-table";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session";
import { customerTickets } from "@/lib/customers/customer-tickets";
import { findCustomerProfile } from "@/lib/customers/profile";
import { parseTimelineParams, timelineHref } from "@/lib/customers/profile-params";
import { customerTimeline } from "@/lib/customers/timeline";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { ticketDetails } from "@/lib/tickets/details";

export const metadata: Metadata = { title: "Customer" };

const TIMELINE_PAGE = 25;
const TICKETS_SHOWN = 50;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CustomerPage({ params, searchParams }: Props) {
  const viewer = await requirePageRole("customers:read");
  const { id: rawId } = await params;
  // Profile ids are positive integers; anything else cannot name a customer.
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  if (id === null || id === 0) notFound();

  const db = await getDb();
  const workspace = viewer.workspace;
  const lookup = await findCustomerProfile(db, workspace.id, id);
  if (lookup.status === "missing") notFound();
  if (lookup.status === "merged") redirect(`/customers/${lookup.intoId}`);
  const { profile } = lookup;

  const timelineRequest = parseTimelineParams(await searchParams);
  const [timeline, support] = await Promise.all([
    customerTimeline(db, workspace.id, id, { ...timelineRequest.cursor, limit: TIMELINE_PAGE }, { tickets: true }),
    customerTickets(db, workspace.id, id, TICKETS_SHOWN),
  ]);
  const details = await ticketDetails(
    db,
    workspace.id,
    support.tickets.map((t) => t.id),
  );

  return (
    <>
      <ProfileHeader profile={profile} />
      {profile.mergedInto !== null ? (
        <div className="mb-4">
          <Notice tone="info">
            This profile was merged into profile #{profile.mergedInto}, which no longer exists, so it is shown as it
            was.
          </Notice>
        </div>
      ) : null}
      <ProfileFacts profile={profile} timeZone={workspace.timeZone} currency={workspace.currency} />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Traits">
          <TraitsTable traits={profile.traits} />
        </Card>
        <Card title="Identities">
          <IdentitiesTable identities={profile.identities} timeZone={workspace.timeZone} />
        </Card>
      </div>
      <Card title={`Support tickets (${formatNumber(support.total)})`} className="mt-6">
        <OpenLinkedTicket />
        {support.total === 0 ? (
          <p className="text-sm text-slate-600">
            No support tickets from this customer. Tickets arrive through the ticket API or a tickets CSV import (Data →
            Import) and are linked by user id or email.
          </p>
        ) : (
          <>
            <TicketTable tickets={support.tickets} details={details} timeZone={workspace.timeZone} />
            {support.total > support.tickets.length ? (
              <p className="mt-2 text-xs text-slate-500">
                The latest {support.tickets.length} of {formatNumber(support.total)} tickets.
              </p>
            ) : null}
          </>
        )}
      </Card>
      {/* The timeline's pager links end in #timeline, so paging keeps it in view. */}
      <div id="timeline" className="mt-6 scroll-mt-4">
        <Card
          title={`Timeline (${formatNumber(profile.eventCount)} events${support.total > 0 ? ` and ${formatNumber(support.total)} ${support.total === 1 ? "ticket" : "tickets"}` : ""}, newest first)`}
        >
          {timelineRequest.error ? (
            <div className="mb-3">
              <Notice tone="error">{timelineRequest.error}</Notice>
            </div>
          ) : null}
          {timeline.events.length === 0 ? (
            <p className="text-sm text-slate-600">No events or tickets from this customer yet.</p>
          ) : (
            <>
              <EventTimeline entries={timeline.events} timeZone={workspace.timeZone} />
              <Pager
                label="Timeline pages"
                previousHref={timeline.newer ? timelineHref(id, { before: timeline.newer }) : null}
                nextHref={timeline.older ? timelineHref(id, { after: timeline.older }) : null}
                firstHref={timelineHref(id, {})}
                previousText="Newer"
                nextText="Older"
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
