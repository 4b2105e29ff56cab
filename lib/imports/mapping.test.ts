import { describe, expect, it } from "vitest";
import { autoMap } from "./auto-map";
import { compileMapping } from "./mapping";

describe("autoMap", () => {
  it("maps a customers file by its column names, everything else to traits", () => {
    expect(autoMap("customers", ["User ID", "E-mail", "Phone Number", "Full Name", "plan", "created_at"])).toEqual([
      { target: "user_id" },
      { target: "email" },
      { target: "phone" },
      { target: "name" },
      { target: "trait", key: "plan" },
      { target: "timestamp" },
    ]);
  });

  it("maps an events file, preferring the first synonym in order when several columns match", () => {
    expect(autoMap("events", ["date", "userId", "event_name", "timestamp", "message_id", "revenue"])).toEqual([
      { target: "property", key: "date" },
      { target: "user_id" },
      { target: "event" },
      { target: "timestamp" },
      { target: "message_id" },
      { target: "property", key: "revenue" },
    ]);
    expect(autoMap("events", ["id", "anonymous_id", "name", "time"]).map((c) => c.target)).toEqual([
      "user_id",
      "anonymous_id",
      "event",
      "timestamp",
    ]);
  });

  it("leaves out the line and problem columns of a rejected-rows download", () => {
    expect(autoMap("customers", ["import_line", "import_problem", "user_id"]).map((c) => c.target)).toEqual([
      "ignore",
      "ignore",
      "user_id",
    ]);
  });
});

describe("compileMapping", () => {
  it("gives the column index of each field and the keys of traits", () => {
    const check = compileMapping(
      "customers",
      ["id", "mail", "Plan"],
      [{ target: "user_id" }, { target: "email" }, { target: "trait", key: "plan" }],
    );
    expect(check.ok && check.mapping).toMatchObject({ userId: 0, email: 1, fields: [{ index: 2, key: "plan" }] });
  });

  it("names what is missing or mapped twice, next to the column", () => {
    const check = compileMapping(
      "events",
      ["a", "b", "c", "d"],
      [{ target: "event" }, { target: "event" }, { target: "email" }, { target: "property", key: "" }],
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual({
      "mapping.1": '"a" is already the Event name.',
      "mapping.2": "Events imports have no email field.",
      "mapping.3": "Give the property a name.",
      mapping:
        "Choose the column that holds the user id (or the anonymous id). Choose the column that holds the timestamp.",
    });
  });

  it("refuses two columns writing the same trait, including the email trait", () => {
    const check = compileMapping(
      "customers",
      ["id", "email", "mail2", "x", "y"],
      [
        { target: "user_id" },
        { target: "email" },
        { target: "trait", key: "email" },
        { target: "trait", key: "tier" },
        { target: "trait", key: "tier" },
      ],
    );
    expect(check.ok ? {} : check.errors).toEqual({
      "mapping.2": '"email" already writes the trait "email".',
      "mapping.4": '"x" already writes the trait "tier".',
    });
  });

  it("requires one entry per column", () => {
    expect(compileMapping("customers", ["a", "b"], [{ target: "user_id" }]).ok).toBe(false);
  });
});
