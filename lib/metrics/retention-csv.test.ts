import { describe, expect, it } from "vitest";
import { csvField, retentionCsv } from "./retention-csv";

describe("retention CSV", () => {
  it("writes counts per offset, blanks for periods not started, and the mean", () => {
    const csv = retentionCsv({
      period: "week",
      cohorts: [
        { start: "2026-01-05", breakdown: null, size: 2, values: [2, 1, 1] },
        { start: "2026-01-12", breakdown: null, size: 4, values: [4, 3] },
      ],
      mean: [1, 0.6667],
      breakdowns: [],
    });
    expect(csv).toBe(
      "cohort_start,breakdown,size,week_0,week_1,week_2\n" +
        "2026-01-05,,2,2,1,1\n" +
        "2026-01-12,,4,4,3,\n" +
        "weighted_mean,,,1.0000,0.6667,\n",
    );
  });

  it("quotes separators and defuses spreadsheet formulas in trait values", () => {
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
  });
});
