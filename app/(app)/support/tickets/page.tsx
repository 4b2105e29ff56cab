import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/customers/pager";
import { TicketListTable } from "@/components/support/ticket-list-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { paramReader } from "@/lib/metrics/view-params";
import {
  listTickets,
  parseTicketListQuery,
  TICKETS_PER_PAGE,
  type TicketListQuery,
  ticketListHref,
} from "@/lib/support/ticket-list";

export const metadata: Metadata = { title: "Support tickets" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** "Open billing tickets created 2026-01-01 to 2026-03-31" from the filters. */
function listTitle(query: TicketListQuery): string {
  const parts = [
    query.open ? "Open" : "All",
    query.repeat ? "repeat" : null,
    query.category ? `“${query.category}”` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const channel = query.channel ? ` by ${query.channel}` : "";
  const range = query.range ? ` created ${query.range.from} to ${query.range.to}` : "";
  return `${parts} tickets${channel}${range}`;
}

export default async function SupportTicketsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageRole("support:read");
  const { get } = paramReader(await searchParams);
  let query: TicketListQuery;
  try {
    query = parseTicketListQuery(get);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return (
      <>
        <PageHeader title="Tickets" />
        <Notice tone="error">
          {error.message}.{" "}
          <Link href="/support/tickets" className="underline">
            Show all tickets
          </Link>
          .
        </Notice>
      </>
    );
  }
  const { tickets, total } = await listTickets(await getDb(), viewer.workspace.id, viewer.workspace.timeZone, query);
  const back = query.range ? `/support?from=${query.range.from}&to=${query.range.to}` : "/support";
  const lastPage = Math.max(1, Math.ceil(total / TICKETS_PER_PAGE));
  return (
    <>
      <PageHeader
        title="Tickets"
        description={listTitle(query)}
        actions={
          <Link href={back} className="text-sm font-medium text-brand-700 hover:underline">
            ← Back to Support
          </Link>
        }
      />
      <Card>
        {tickets.length === 0 ? (
          <p className="text-sm text-slate-700">
            {query.page > 1
              ? "No tickets on this page: go back to the first page."
              : "No tickets match. Widen the range or drop a filter from the Support page."}
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">
              {formatNumber(total)} tickets, newest first{lastPage > 1 ? `; page ${query.page} of ${lastPage}` : ""}. A
              customer opens their profile.
            </p>
            <TicketListTable tickets={tickets} timeZone={viewer.workspace.timeZone} />
          </>
        )}
        <Pager
          label="Ticket pages"
          previousHref={query.page > 1 ? ticketListHref({ ...query, page: query.page - 1 }) : null}
          nextHref={query.page < lastPage ? ticketListHref({ ...query, page: query.page + 1 }) : null}
        />
      </Card>
    </>
  );
}
