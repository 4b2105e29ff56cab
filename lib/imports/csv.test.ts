import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./csv";
import { columnNames, headerLooksLikeData } from "./header";

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);
const lines = (text: string) => parseCsv(text).records.map((r) => r.line);

describe("parseCsv", () => {
  it("reads plain rows and numbers each by the line it starts on", () => {
    const parsed = parseCsv("a,b\n1,2\n3,4\n");
    expect(parsed.records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
    ]);
    expect(parsed.problem).toBeNull();
  });

  it("keeps delimiters, doubled quotes and line breaks inside quoted values", () => {
    expect(cells('id,note\n1,"Hello, world"\n2,"She said ""hi"""\n3,"two\nlines"\n')).toEqual([
      ["id", "note"],
      ["1", "Hello, world"],
      ["2", 'She said "hi"'],
      ["3", "two\nlines"],
    ]);
  });

  it("counts the physical lines of a value that spans several, so later rows keep their editor line", () => {
    expect(lines('id,note\n1,"a\nb\nc"\n2,x\n')).toEqual([1, 2, 5]);
    expect(lines('id,note\r\n1,"a\r\nb"\r\n2,x\r\n')).toEqual([1, 2, 4]);
  });

  it("strips a byte-order mark and reads CRLF, LF and CR line ends alike", () => {
    expect(cells("\uFEFFuser_id,email\r\nu1,a@x.io\r\n")).toEqual([
      ["user_id", "email"],
      ["u1", "a@x.io"],
    ]);
    expect(cells("a,b\rc,d\r")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(cells('a\r\n"x\r\ny"\r\n')).toEqual([["a"], ["x\ny"]]);
  });

  it("skips blank lines without renumbering the rows after them", () => {
    const parsed = parseCsv("a,b\n\n1,2\n\n\n3,4");
    expect(parsed.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ["a", "b"]],
      [3, ["1", "2"]],
      [6, ["3", "4"]],
    ]);
  });

  it("keeps empty values, including a trailing one", () => {
    expect(cells("a,b,c\n1,,\n,,3")).toEqual([
      ["a", "b", "c"],
      ["1", "", ""],
      ["", "", "3"],
    ]);
  });

  it("keeps a stray quote inside an unquoted value, and text after a closing quote", () => {
    expect(cells('size,desc\n12" screen,"27" inch\n')).toEqual([
      ["size", "desc"],
      ['12" screen', "27 inch"],
    ]);
  });

  it("reports an unclosed quote with its line and keeps the rows before it", () => {
    const parsed = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(parsed.records.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parsed.problem?.line).toBe(3);
    expect(parsed.problem?.message).toMatch(/never closed/);
  });

  it("detects semicolon, tab and pipe delimiters from the first line", () => {
    expect(detectDelimiter("a;b;c\n1;2;3")).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2")).toBe("\t");
    expect(detectDelimiter("a|b\n")).toBe("|");
    expect(detectDelimiter('"a,b";c;d\n')).toBe(";");
    expect(detectDelimiter("single\n1")).toBe(",");
    expect(cells("a;b\n1,5;2")).toEqual([
      ["a", "b"],
      ["1,5", "2"],
    ]);
  });
});

describe("header", () => {
  it("names empty columns and tells repeated names apart", () => {
    expect(columnNames([" user_id ", "", "plan", "Plan"])).toEqual(["user_id", "Column 2", "plan", "Plan (2)"]);
  });

  it("notices a first line that holds data instead of names", () => {
    expect(headerLooksLikeData(["u1", "ann@example.com", "gold"])).toBe(true);
    expect(headerLooksLikeData(["u1", "2024-01-01"])).toBe(true);
    expect(headerLooksLikeData(["user_id", "email", "plan"])).toBe(false);
  });
});
