import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { autoMap } from "./auto-map";
import { checkRows } from "./check-rows";
import { importCsvText } from "./import-text";
import { compileMapping } from "./mapping";
import { readImportFile } from "./read-file";
import { readTicketRow } from "./ticket-row";

// A help-desk export as Zendesk names its columns (plus Reopened at); times without an offset are Berlin time
// (UTC+1 in March), so 10:00 there is 09:00Z.
const EXPORT = [
  "Id,Requester email,Requester external id,Subject,Status,Priority,Via,Created at,First reply at,Solved at,Reopened at,Tags,Satisfaction rating,Category,Notes",
  "101,ann@x.io,u-ann,Charged twice,solved,high,Email,2026-03-01 10:00,2026-03-01 11:00,2026-03-01 15:00;2026-03-03 09:00,2026-03-02 10:00,billing vip,2,Billing,ignored",
  "102,bob@x.io,,Where is my box,open,normal,Web form,2026-03-02 08:00,,,,,,Delivery,",
  "103,,,No requester,new,low,Chat,2026-03-02 09:00,,,,,,,",
  "104,cid@x.io,,Bad channel,new,low,Fax,2026-03-02 09:00,,,,,,,",
  "105,dan@x.io,,Solved without time,solved,low,Phone call (inbound),2026-03-02 09:00,,,,,,,",
  "106,eve@x.io,,Reply before creation,open,low,Chat,2026-03-02 09:00,2026-03-01 09:00,,,,,,",
].join("\n");

describe("tickets mapping", () => {
  it("maps a help-desk export's columns by name and leaves the rest out", () => {
    const { header } = readImportFile(EXPORT);
    expect(autoMap("tickets", header).map((c) => c.target)).toEqual([
      "ticket_id",
      "email",
      "user_id",
      "subject",
      "status",
      "priority",
      "channel",
      "created_at",
      "first_reply_at",
      "solved_at",
      "reopened_at",
      "tags",
      "satisfaction_rating",
      "category",
      "ignore",
    ]);
  });

  it("names each missing required column", () => {
    const check = compileMapping("tickets", ["Subject"], [{ target: "subject" }]);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.mapping).toBe(
        "Choose the column that holds the ticket id. Choose the column that holds the requester's user id or email. Choose the column that holds the channel. Choose the column that holds the creation time.",
      );
    }
  });

  it("builds the status history from created, solved and reopened times", () => {
    const { header, rows: records } = readImportFile(EXPORT);
    const check = compileMapping("tickets", header, autoMap("tickets", header));
    if (!check.ok) throw new Error("mapping");
    const read = readTicketRow(check.mapping, header.length, records[0]!.cells, "Europe/Berlin");
    expect(read.ok && read.value).toMatchObject({
      externalId: "101",
      userId: "u-ann",
      email: "ann@x.io",
      channel: "email",
      tags: ["billing", "vip"],
      priority: "high",
      satisfactionRating: 2,
      createdAt: "2026-03-01T09:00:00.000Z",
      firstAgentReplyAt: "2026-03-01T10:00:00.000Z",
      history: [
        { status: "new", at: "2026-03-01T09:00:00.000Z" },
        { status: "solved", at: "2026-03-01T14:00:00.000Z" },
        { status: "open", at: "2026-03-02T09:00:00.000Z" },
        { status: "solved", at: "2026-03-03T08:00:00.000Z" },
      ],
    });
  });

  it("lists every rejected line with its problem before importing", async () => {
    const { header, rows: records } = readImportFile(EXPORT);
    const check = compileMapping("tickets", header, autoMap("tickets", header));
    if (!check.ok) throw new Error("mapping");
    const result = await checkRows(check.mapping, header.length, records, "Europe/Berlin");
    expect(result?.valid).toBe(2);
    expect(result?.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, "missing_identity"],
      [5, "invalid_channel"],
      [6, "missing_solved_at"],
      [7, "out_of_order"],
    ]);
  });
});

describeEachDatabase("tickets import", ({ database }) => {
  let db: Db;
  let target = { workspaceId: "", timeZone: "Europe/Berlin" };
  beforeEach(async () => {
    db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: `ws-${Math.random()}`, timeZone: "Europe/Berlin" })
      .returning();
    target = { workspaceId: w!.id, timeZone: "Europe/Berlin" };
  });

  it("imports valid rows through the ticket domain, reports the rest by line, and a re-run changes nothing", async () => {
    const first = await importCsvText(db, target, "tickets", EXPORT, { chunkSize: 2 });
    expect(first.accepted).toBe(2);
    expect(first.duplicates).toBe(0);
    expect(first.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    const history = async () =>
      (
        await rows<{ external_id: string; status: string; changed_at: string | Date }>(
          db,
          sql`select t.external_id, h.status, h.changed_at from ticket_status_history h
              join tickets t on t.workspace_id = h.workspace_id and t.id = h.ticket_id
              where t.workspace_id = ${target.workspaceId} order by t.external_id, h.changed_at, h.status`,
        )
      ).map((h) => `${h.external_id} ${h.status} ${new Date(h.changed_at).toISOString()}`);
    const before = await history();
    expect(before).toEqual([
      "101 new 2026-03-01T09:00:00.000Z",
      "101 solved 2026-03-01T14:00:00.000Z",
      "101 open 2026-03-02T09:00:00.000Z",
      "101 solved 2026-03-03T08:00:00.000Z",
      "102 new 2026-03-02T07:00:00.000Z",
      "102 open 2026-03-02T07:00:00.000Z",
    ]);
    const again = await importCsvText(db, target, "tickets", EXPORT);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await history()).toEqual(before);
    // The requesters: Ann by her user id (created with her email trait), Bob by a new email-only profile.
    const people = await rows<{ external_id: string | null; email: string | null }>(
      db,
      sql`select c.external_id, c.email from tickets t join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id
          where t.workspace_id = ${target.workspaceId} order by t.external_id`,
    );
    expect(people).toEqual([
      { external_id: "u-ann", email: "ann@x.io" },
      { external_id: null, email: "bob@x.io" },
    ]);
  });
});
