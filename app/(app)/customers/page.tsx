import type { Metadata } from "next";
import Link from "next/link";
import { CustomerTable } from "@/components/customers/customer-table";
import { ListEmpty } from "@/components/customers/list-empty";
import { ListFiltersForm } from "@/components/customers/list-filters-form";
import { Pager } from "@/components/customers/pager";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session";
import { listCustomers } from "@/lib/customers/list";
import { countCustomers, workspaceHasCustomers } from "@/lib/customers/list-count";
import { hasFilters } from "@/lib/customers/list-filters";
import {
  formValues,
  listHref,
  parseListParams,
  type SearchParamsInput,
  toListQuery,
} from "@/lib/customers/list-params";
import { listPlans } from "@/lib/customers/plans";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Customers" };

const PAGE_SIZE = 50;

const DESCRIPTION =
  "Every customer profile in this workspace. Profiles merged into another are listed once, as that one.";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const viewer = await requirePageRole("customers:read");
  const parsed = parseListParams(await searchParams);
  const db = await getDb();
  const workspaceId = viewer.workspace.id;

  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Customers" description={DESCRIPTION} />
        <Card className="mb-6">
          <ListFiltersForm values={parsed.raw} plans={await listPlans(db, workspaceId)} />
        </Card>
        <Notice tone="error">
          <p className="font-medium">This view cannot be shown:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
          <Link href="/customers" className="mt-2 inline-block font-medium underline">
            Show all customers
          </Link>
        </Notice>
      </>
    );
  }

  const { state } = parsed;
  const query = toListQuery(state, new Date(), PAGE_SIZE);
  const [page, total, plans] = await Promise.all([
    listCustomers(db, workspaceId, query),
    countCustomers(db, workspaceId, query.filters, query.now),
    listPlans(db, workspaceId),
  ]);
  const filtered = hasFilters(query.filters);
  // Without filters the count already says whether the workspace has anyone; with filters, ask.
  const anyone = page.items.length > 0 || (filtered ? await workspaceHasCustomers(db, workspaceId) : total > 0);
  const empty = page.items.length > 0 ? null : anyone ? "no-match" : "no-customers";
  const noun = total === 1 ? "customer" : "customers";

  return (
    <>
      <PageHeader title="Customers" description={DESCRIPTION} />
      <Card className="mb-6">
        <ListFiltersForm values={formValues(state)} plans={plans} />
      </Card>
      <Card title={`${formatNumber(total)} ${noun}${filtered ? " match" : ""}`}>
        {empty ? (
          <ListEmpty reason={empty} />
        ) : (
          <>
            <CustomerTable
              items={page.items}
              state={state}
              timeZone={viewer.workspace.timeZone}
              currency={viewer.workspace.currency}
            />
            <Pager
              label="Customer pages"
              previousHref={page.previous ? listHref(state, { before: page.previous }) : null}
              nextHref={page.next ? listHref(state, { after: page.next }) : null}
              firstHref={listHref(state)}
            />
          </>
        )}
        <p className="mt-3 text-xs text-slate-500">
          Dates in {viewer.workspace.timeZone}; revenue in {viewer.workspace.currency}. Customers never seen (no events
          yet) come last whichever way you sort.
        </p>
      </Card>
    </>
  );
}
