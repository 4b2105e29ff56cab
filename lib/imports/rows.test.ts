import { describe, expect, it } from "vitest";
import { autoMap } from "./auto-map";
import { checkRows } from "./check-rows";
import { readCustomerRow } from "./customer-row";
import { readEventRow } from "./event-row";
import { type CompiledMapping, compileMapping } from "./mapping";
import { readImportFile } from "./read-file";
import type { ImportKind } from "./targets";

function mapped(kind: ImportKind, text: string) {
  const file = readImportFile(text);
  const check = compileMapping(kind, file.header, autoMap(kind, file.header));
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return { file, mapping: check.mapping as CompiledMapping };
}

describe("per-row validation", () => {
  it("lists each bad customers row with its line (the header is line 1) and every problem in it", async () => {
    const { file, mapping } = mapped(
      "customers",
      [
        "user_id,email,plan,updated_at",
        "u1,ann@example.com,gold,2024-03-01",
        ",bob@example.com,silver,",
        "u3,not-an-email,gold,31/12/2024",
        'u4,"dee@example.com",bronze,',
        "u5,eve@example.com,gold,,oops",
      ].join("\n"),
    );
    const result = await checkRows(mapping, file.header.length, file.rows, "UTC");
    expect(result?.valid).toBe(2);
    expect(result?.rejected).toEqual([
      { line: 3, reason: "missing_user_id", message: "The user id is empty." },
      {
        line: 4,
        reason: "invalid_email",
        message: expect.stringMatching(/"not-an-email" is not an email address\. Timestamp: .*day-first/),
      },
      { line: 6, reason: "extra_values", message: expect.stringMatching(/5 values but the header has 4 columns/) },
    ]);
  });

  it("lists bad events rows: no identity, no event name, no or unreadable timestamp, non-numeric revenue", async () => {
    const { file, mapping } = mapped(
      "events",
      [
        "user_id,anonymous_id,event,timestamp,revenue",
        "u1,,Order Completed,2024-03-01T10:00:00Z,12.50",
        ",,Order Completed,2024-03-01T10:00:00Z,1",
        ",a-9,Viewed,2024-03-01T10:00:00Z,",
        "u2,,,2024-03-01T10:00:00Z,",
        "u3,,Viewed,,",
        "u4,,Viewed,soon,",
        "u5,,Order Completed,2024-03-01,twelve",
      ].join("\r\n"),
    );
    const result = await checkRows(mapping, file.header.length, file.rows, "UTC", { sliceSize: 2 });
    expect(result?.valid).toBe(2);
    expect(result?.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "missing_identity"],
      [5, "missing_event"],
      [6, "missing_timestamp"],
      [7, "invalid_timestamp"],
      [8, "invalid_number"],
    ]);
    expect(result?.rejected[4]?.message).toBe('revenue "twelve" is not a number; write it like 12.50.');
  });

  it("reads a customers row into traits, leaving out empty cells", () => {
    const { file, mapping } = mapped("customers", "id,email,name,plan,city\nu1, ann@example.com ,Ann,,Berlin\n");
    const read = readCustomerRow(mapping, file.header.length, file.rows[0]!.cells, "UTC");
    expect(read).toEqual({
      ok: true,
      value: { userId: "u1", traits: { email: "ann@example.com", name: "Ann", city: "Berlin" }, timestamp: null },
    });
  });

  it("reads an events row, turning e-commerce amounts into numbers and keeping other values as text", () => {
    const { file, mapping } = mapped(
      "events",
      "userId,event,time,Revenue,total,discount,order_id,sku\nu1,Order Completed,2024-03-01 09:00,$1,234.50,30,-2.5,0042,A-1\n",
    );
    // "$1,234.50" is not quoted above, so it splits into two cells; quoted, it reads as one amount.
    expect(readEventRow(mapping, file.header.length, file.rows[0]!.cells, "UTC").ok).toBe(false);
    const quoted = mapped(
      "events",
      'userId,event,time,Revenue,total,discount,order_id,sku\nu1,Order Completed,2024-03-01 09:00,"$1,234.50",30,-2.5,0042,A-1\n',
    );
    const read = readEventRow(quoted.mapping, quoted.file.header.length, quoted.file.rows[0]!.cells, "Europe/Berlin");
    expect(read).toEqual({
      ok: true,
      value: {
        userId: "u1",
        anonymousId: null,
        event: "Order Completed",
        timestamp: new Date("2024-03-01T08:00:00Z"),
        properties: { Revenue: 1234.5, total: 30, discount: -2.5, order_id: "0042", sku: "A-1" },
        messageId: null,
      },
    });
  });
});

describe("readImportFile", () => {
  it("warns when line 1 is data and when the file is not UTF-8", () => {
    expect(readImportFile("u1,ann@example.com\nu2,bob@example.com").warnings[0]).toMatch(/looks like data/);
    expect(readImportFile("user_id,city\nu1,K\uFFFDln").warnings[0]).toMatch(/not UTF-8/);
    expect(readImportFile("user_id,city\nu1,Köln").warnings).toEqual([]);
  });
});
