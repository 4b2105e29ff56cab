import { describe, expect, it } from "vitest";
import { freeName } from "./free-name";

describe("a template's name in the builder", () => {
  it("is kept when free and numbered when a segment already has it, ignoring case", () => {
    expect(freeName("Promoters", ["Dormant 30 days"])).toBe("Promoters");
    expect(freeName("Promoters", ["promoters"])).toBe("Promoters (2)");
    expect(freeName("Promoters", ["Promoters", "Promoters (2)"])).toBe("Promoters (3)");
  });
});
