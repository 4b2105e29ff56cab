import { describe, expect, it } from "vitest";
import { chunkRows, wireCells } from "./chunks";
import type { CsvRecord } from "./csv";
import { toCsv } from "./csv-write";
import { emptyOutcome, type ImportOutcome } from "./outcome";
import { rejectedRowsCsv } from "./rejected-file";
import { ChunkFailed, runImport } from "./run-import";

const rows = (n: number): CsvRecord[] => Array.from({ length: n }, (_, i) => ({ line: i + 2, cells: [`u${i}`] }));
const ok = (chunk: CsvRecord[]): ImportOutcome => ({ accepted: chunk.length, duplicates: 0, rejected: [] });
const noSleep = async () => {};

describe("chunkRows", () => {
  it("splits by row count and keeps file order", () => {
    const chunks = chunkRows(rows(2_500), 1);
    expect(chunks.map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    expect(chunks[2]![0]!.line).toBe(2_002);
  });

  it("makes chunks smaller when rows are wide, so a request stays far below the body limit", () => {
    const wide = Array.from({ length: 1_000 }, (_, i) => ({ line: i + 2, cells: ["x".repeat(20_000)] }));
    const chunks = chunkRows(wide, 1);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThan(5 * 1024 * 1024);
  });

  it("drops empty cells past the header but keeps values there (they make the row invalid)", () => {
    expect(wireCells(["a", "b", "", " "], 2)).toEqual(["a", "b"]);
    expect(wireCells(["a", "b", "", "x"], 2)).toEqual(["a", "b", "", "x"]);
    expect(wireCells(["a", ""], 3)).toEqual(["a", ""]);
  });
});

describe("runImport", () => {
  it("sends every chunk in order, adds up the outcomes and reports progress", async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const run = await runImport({
      chunks: chunkRows(rows(2_100), 1),
      send: async (chunk) => {
        seen.push(chunk[0]!.line);
        return {
          accepted: chunk.length - 2,
          duplicates: 1,
          rejected: [{ line: chunk[0]!.line, reason: "r", message: "m" }],
        };
      },
      outcome: emptyOutcome(),
      onProgress: (p) => progress.push(p.rowsDone),
    });
    expect(seen).toEqual([2, 1_002, 2_002]);
    expect(progress).toEqual([1_000, 2_000, 2_100]);
    expect(run).toMatchObject({ status: "done", rowsDone: 2_100, nextChunk: 3 });
    expect(run.outcome.accepted + run.outcome.duplicates + run.outcome.rejected.length).toBe(2_100);
  });

  it("retries a chunk after a network error or 5xx, and gives up after the last pause", async () => {
    let calls = 0;
    const flaky = await runImport({
      chunks: chunkRows(rows(10), 1),
      send: async (chunk) => {
        calls++;
        if (calls < 3) throw new ChunkFailed("busy", true);
        return ok(chunk);
      },
      outcome: emptyOutcome(),
      sleep: noSleep,
    });
    expect(flaky).toMatchObject({ status: "done", outcome: { accepted: 10 } });

    const down = await runImport({
      chunks: chunkRows(rows(2_000), 1),
      send: async (chunk) => {
        if (chunk[0]!.line > 2) throw new ChunkFailed("Something went wrong on our side.", true);
        return ok(chunk);
      },
      outcome: emptyOutcome(),
      sleep: noSleep,
    });
    expect(down).toMatchObject({ status: "failed", nextChunk: 1, rowsDone: 1_000, outcome: { accepted: 1_000 } });
    expect(down.failure).toBe("Something went wrong on our side.");
  });

  it("does not retry what cannot succeed (a 4xx) and stops between chunks when asked", async () => {
    let calls = 0;
    const forbidden = await runImport({
      chunks: chunkRows(rows(10), 1),
      send: async () => {
        calls++;
        throw new ChunkFailed("Your role (manager) cannot do this.", false);
      },
      outcome: emptyOutcome(),
      sleep: noSleep,
    });
    expect(calls).toBe(1);
    expect(forbidden.status).toBe("failed");

    let stop = false;
    const stopped = await runImport({
      chunks: chunkRows(rows(3_000), 1),
      send: async (chunk) => {
        stop = true;
        return ok(chunk);
      },
      outcome: emptyOutcome(),
      shouldStop: () => stop,
    });
    expect(stopped).toMatchObject({ status: "stopped", nextChunk: 1, rowsDone: 1_000 });

    const resumed = await runImport({
      chunks: chunkRows(rows(3_000), 1),
      send: async (chunk) => ok(chunk),
      startChunk: stopped.nextChunk,
      rowsDone: stopped.rowsDone,
      outcome: stopped.outcome,
    });
    expect(resumed).toMatchObject({ status: "done", rowsDone: 3_000, outcome: { accepted: 3_000 } });
  });
});

describe("rejected rows download", () => {
  it("puts line and problem before the original row, quoting what needs it and defusing formulas", () => {
    const csv = rejectedRowsCsv(
      ["user_id", "note"],
      [
        { line: 2, cells: ["u1", "fine"] },
        { line: 3, cells: ["", 'says "hi", twice'] },
        { line: 5, cells: ["u9", "=HYPERLINK(1)"] },
      ],
      [
        { line: 3, reason: "missing_user_id", message: "The user id is empty." },
        { line: 5, reason: "x", message: "bad" },
      ],
    );
    expect(csv).toBe(
      'import_line,import_problem,user_id,note\r\n3,The user id is empty.,,"says ""hi"", twice"\r\n5,bad,u9,\'=HYPERLINK(1)\r\n',
    );
    expect(toCsv([["+49 30 1234", "-12.5", "-x"]])).toBe("+49 30 1234,-12.5,'-x\r\n");
  });
});
