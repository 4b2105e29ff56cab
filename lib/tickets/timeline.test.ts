import { beforeAll, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/customers/keyset";
import { customerTimeline, isTicketChange, isTimelineCursor, type TimelineEntry } from "@/lib/customers/timeline";
import type { Db } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { describeEachDatabase } from "@/test/db";
import { ticketDetails } from "./details";
import { upsertTickets } from "./upsert";

const T0 = Date.parse("2026-04-01T08:00:00Z");
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

/** A label per entry: the event's name, or "<ticket> <change>". */
const label = (e: TimelineEntry) => (isTicketChange(e) ? `${e.ticket.externalId} ${e.change}` : (e.name ?? ""));

describeEachDatabase("customer timeline with tickets", ({ database }) => {
  let db: Db;
  let ws = "";
  let customerId = 0;
  beforeAll(async () => {
    db = database().db;
    const [w] = await db.insert(workspaces).values({ name: "Timeline" }).returning();
    ws = w!.id;
    const track = (event: string, hours: number) => ({
      type: "track",
      userId: "u1",
      event,
      messageId: event,
      timestamp: at(hours),
    });
    await ingestBatch(db, { workspaceId: ws, sourceId: null }, [
      { raw: track("e1", 0) },
      { raw: track("e2", 2) },
      { raw: track("e3", 5) },
      { raw: track("e4", 5) },
    ]);
    const outcome = await upsertTickets(db, { workspaceId: ws, sourceId: null }, [
      {
        // new → open (no entry) → solved → reopened → closed (solved again: closed counts as resolved)
        raw: {
          externalId: "A",
          userId: "u1",
          channel: "email",
          subject: "Refund",
          createdAt: at(1),
          history: [
            { status: "new", at: at(1) },
            { status: "open", at: at(2) },
            { status: "solved", at: at(5) },
            { status: "open", at: at(6) },
            { status: "closed", at: at(8) },
          ],
        },
      },
      { raw: { externalId: "B", userId: "u1", channel: "chat", status: "new", createdAt: at(5) } },
    ]);
    customerId = outcome.tickets[0]!.customerId;
  });

  // Newest first; at 5h the ticket changes (solved rank 2, created rank 1) sit above that instant's events.
  const ALL = ["A solved", "A reopened", "A solved", "B created", "e4", "e3", "e2", "A created", "e1"];

  it("interleaves ticket creation, solves and reopens with events by time", async () => {
    const page = await customerTimeline(db, ws, customerId, { limit: 50 }, { tickets: true });
    expect(page.events.map(label)).toEqual(ALL);
    const solved = page.events[0]!;
    expect(isTicketChange(solved) && solved.ticket).toMatchObject({
      externalId: "A",
      subject: "Refund",
      status: "closed",
    });
    expect(solved.timestamp.toISOString()).toBe(at(8));
  });

  it("leaves tickets out unless asked", async () => {
    const page = await customerTimeline(db, ws, customerId, { limit: 50 });
    expect(page.events.map(label)).toEqual(["e4", "e3", "e2", "e1"]);
  });

  it("pages through the mixed entries and back without gaps or repeats, through URL tokens", async () => {
    const seen: string[] = [];
    let page = await customerTimeline(db, ws, customerId, { limit: 2 }, { tickets: true });
    const pages = [page];
    seen.push(...page.events.map(label));
    while (page.older) {
      const cursor = decodeCursor(encodeCursor(page.older));
      expect(cursor && isTimelineCursor(cursor)).toBe(true);
      page = await customerTimeline(db, ws, customerId, { limit: 2, after: cursor! }, { tickets: true });
      pages.push(page);
      seen.push(...page.events.map(label));
    }
    expect(seen).toEqual(ALL);
    expect(pages).toHaveLength(5);
    // Back from the last page to the first.
    const back: string[][] = [];
    while (page.newer) {
      page = await customerTimeline(db, ws, customerId, { limit: 2, before: page.newer }, { tickets: true });
      back.unshift(page.events.map(label));
    }
    expect(back.flat()).toEqual(ALL.slice(0, 8));
  });

  it("accepts only timestamps, optionally with a ticket rank, as cursors", () => {
    expect(isTimelineCursor({ value: "2026-04-01T08:00:00.000000Z", id: 1 })).toBe(true);
    expect(isTimelineCursor({ value: "2026-04-01T08:00:00.000000Z|3", id: 1 })).toBe(true);
    expect(isTimelineCursor({ value: "2026-04-01T08:00:00.000000Z|4", id: 1 })).toBe(false);
    expect(isTimelineCursor({ value: "2026-04-01T08:00:00.000000Z|1|2", id: 1 })).toBe(false);
    expect(isTimelineCursor({ value: "yesterday", id: 1 })).toBe(false);
  });

  it("opens a ticket to its history in order, and finds nothing of another workspace", async () => {
    const page = await customerTimeline(db, ws, customerId, { limit: 50 }, { tickets: true });
    const ids = [...new Set(page.events.filter(isTicketChange).map((e) => e.ticket.id))];
    const details = await ticketDetails(db, ws, ids);
    const a = details.get(ids[0]!)!;
    expect(a).toMatchObject({ source: "api", tags: [], assignee: null, satisfactionRating: null });
    expect(a.updatedAt.toISOString()).toBe(at(8));
    expect(a.history.map((h) => `${h.status} ${h.at.toISOString()}`)).toEqual([
      `new ${at(1)}`,
      `open ${at(2)}`,
      `solved ${at(5)}`,
      `open ${at(6)}`,
      `closed ${at(8)}`,
    ]);
    const [other] = await db.insert(workspaces).values({ name: "Other" }).returning();
    expect((await ticketDetails(db, other!.id, ids)).size).toBe(0);
  });
});
