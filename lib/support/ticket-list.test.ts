import { beforeAll, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { addTickets } from "./fixture";
import { listTickets, parseTicketListQuery, type TicketListQuery, ticketListHref } from "./ticket-list";

const base: TicketListQuery = { range: null, category: null, channel: null, repeat: false, open: false, page: 1 };

it("parses the drill-down parameters and builds their links", () => {
  const params = new URLSearchParams("from=2026-03-01&to=2026-03-31&category=integration setup&repeat=1&page=2");
  const query = parseTicketListQuery((n) => params.get(n));
  expect(query).toEqual({
    range: { from: "2026-03-01", to: "2026-03-31" },
    category: "integration setup",
    channel: null,
    repeat: true,
    open: false,
    page: 2,
  });
  expect(ticketListHref(query)).toBe(
    "/support/tickets?from=2026-03-01&to=2026-03-31&category=integration+setup&repeat=1&page=2",
  );
  expect(ticketListHref({ open: true })).toBe("/support/tickets?open=1");
});

it.each([
  ["from=2026-03-01", "to"],
  ["from=2026-03-31&to=2026-03-01", "to"],
  ["from=march&to=2026-03-01", "from"],
  ["page=0", "page"],
  ["repeat=yes", "repeat"],
])("refuses %j naming %s", (text, field) => {
  const params = new URLSearchParams(text);
  try {
    parseTicketListQuery((n) => params.get(n));
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fields)[0]).toBe(field);
  }
});

describeEachDatabase("ticket drill-down list", ({ database }) => {
  let workspaceId: string;
  beforeAll(async () => {
    const db = database().db;
    workspaceId = await buildMetricFixture(db, {
      timeZone: "America/New_York",
      customers: [{ id: 1, traits: { name: "Ada" } }, { id: 2 }],
      events: [],
    });
    await addTickets(db, workspaceId, [
      // 2026-03-01 03:00Z is Feb 28 22:00 in New York: a February ticket.
      {
        id: 1,
        customer: 1,
        category: "billing",
        created: "2026-03-01T03:00:00Z",
        history: [["solved", "2026-03-01T05:00:00Z"]],
      },
      { id: 2, customer: 1, category: "billing", created: "2026-03-10T12:00:00Z", channel: "chat" },
      {
        id: 3,
        customer: 2,
        category: null,
        created: "2026-03-11T12:00:00Z",
        history: [["closed", "2026-03-12T12:00:00Z"]],
      },
      { id: 4, customer: null, category: "billing", created: "2026-03-12T12:00:00Z" },
    ]);
  });

  const ids = async (query: Partial<TicketListQuery>) =>
    (await listTickets(database().db, workspaceId, "America/New_York", { ...base, ...query })).tickets.map((t) => t.id);

  it("filters by local range, category, channel, repeat and open, newest first", async () => {
    const march = { from: "2026-03-01", to: "2026-03-31" };
    expect(await ids({ range: march })).toEqual([4, 3, 2]);
    expect(await ids({ range: march, category: "billing" })).toEqual([4, 2]);
    expect(await ids({ category: "(none)" })).toEqual([3]);
    expect(await ids({ channel: "chat" })).toEqual([2]);
    // Ticket 2 follows customer 1's billing ticket of 9 days before; ticket 4 has no customer.
    expect(await ids({ repeat: true })).toEqual([2]);
    expect(await ids({ open: true })).toEqual([4, 2]);
  });

  it("returns the customer, the first solution and the total", async () => {
    const { tickets, total } = await listTickets(database().db, workspaceId, "America/New_York", base);
    expect(total).toBe(4);
    const first = tickets.find((t) => t.id === 1);
    expect(first?.customer).toEqual({ id: 1, email: "user1@example.com", name: "Ada" });
    expect(first?.firstSolvedAt?.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(tickets.find((t) => t.id === 4)?.customer).toBeNull();
  });
});
