import { describe, expect, it } from "vitest";
import { parseSearch } from "./search-terms";

describe("parseSearch", () => {
  it.each([
    ["", []],
    ["   ", []],
    ["ada", [{ kind: "text", text: "ada" }]],
    [
      "ada lovelace",
      [
        { kind: "text", text: "ada" },
        { kind: "text", text: "lovelace" },
      ],
    ],
    ['"Ada Lovelace"', [{ kind: "text", text: "Ada Lovelace" }]],
    ['"unterminated phrase', [{ kind: "text", text: "unterminated phrase" }]],
    ["plan:pro", [{ kind: "trait", key: "plan", value: "pro" }]],
    ['name:"Ada Lovelace"', [{ kind: "trait", key: "name", value: "Ada Lovelace" }]],
    ["Email:ada@", [{ kind: "field", field: "email", text: "ada@" }]],
    ["id:user_1", [{ kind: "field", field: "id", text: "user_1" }]],
    ["phone:555", [{ kind: "field", field: "phone", text: "555" }]],
    ["url:https://x.test/a", [{ kind: "trait", key: "url", value: "https://x.test/a" }]],
    // a colon at either end is not a key:value pair
    ["plan:", [{ kind: "text", text: "plan:" }]],
    [":pro", [{ kind: "text", text: ":pro" }]],
    ['plan:""', []],
    ["+44 20 7946 0001", [{ kind: "text", text: "+44 20 7946 0001" }]],
    [
      "ada country:GB",
      [
        { kind: "text", text: "ada" },
        { kind: "trait", key: "country", value: "GB" },
      ],
    ],
  ])("%j", (input, expected) => {
    expect(parseSearch(input)).toEqual(expected);
  });
});
