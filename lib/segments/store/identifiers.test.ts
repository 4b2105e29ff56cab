import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { identifiersFromCsv, identifiersFromList, MAX_UPLOAD_IDENTIFIERS, splitCsvLine } from "./identifiers";
import { csvField } from "./members";

describe("upload identifiers", () => {
  it("reads one identifier a line, skipping blanks, numbering lines as a spreadsheet does", () => {
    expect(identifiersFromCsv("user_1\n\n user_2 \r\nann@example.com")).toEqual([
      { line: 1, value: "user_1" },
      { line: 3, value: "user_2" },
      { line: 4, value: "ann@example.com" },
    ]);
  });

  it("uses the named column of a CSV with a header row (here email, the second column)", () => {
    const csv = '\uFEFFname,email\r\n"Doe, Jane",jane@example.com\r\nBob,"bob@example.com"\r\n';
    expect(identifiersFromCsv(csv)).toEqual([
      { line: 2, value: "jane@example.com" },
      { line: 3, value: "bob@example.com" },
    ]);
  });

  it("splits quoted fields with doubled quotes", () => {
    expect(splitCsvLine('a,"b ""c""",d')).toEqual(["a", 'b "c"', "d"]);
  });

  it("numbers a JSON list by position and refuses more than the limit", () => {
    expect(identifiersFromList(["x", " ", "y"])).toEqual([
      { line: 1, value: "x" },
      { line: 3, value: "y" },
    ]);
    expect(() => identifiersFromList(Array.from({ length: MAX_UPLOAD_IDENTIFIERS + 1 }, (_, i) => `u${i}`))).toThrow(
      Invalid,
    );
  });

  it("escapes CSV export fields, and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("=HYPERLINK()")).toBe("'=HYPERLINK()");
  });
});
