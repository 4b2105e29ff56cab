import { describe, expect, it } from "vitest";
import { encodeCursor } from "./keyset";
import { listHref, parseListParams, toFilters } from "./list-params";

function errorsOf(input: Record<string, string | string[]>) {
  const parsed = parseListParams(input);
  return parsed.ok ? [] : parsed.errors;
}

describe("customer list URL", () => {
  it("defaults to everyone by last seen, newest first", () => {
    expect(parseListParams({})).toEqual({ ok: true, state: { sort: "last_seen", dir: "desc" } });
  });

  it("treats empty form fields as not set and keeps the first of repeated parameters", () => {
    const parsed = parseListParams({ q: "", plan: " ", seen: "", sort: ["revenue", "orders"] });
    expect(parsed).toEqual({ ok: true, state: { sort: "revenue", dir: "desc" } });
  });

  it("turns the state into filters", () => {
    const parsed = parseListParams({
      q: "ada plan:pro",
      plan: "basic",
      orders: "with",
      seen: "90",
      unseen: "30",
      trait: "country",
      value: "GB",
    });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(toFilters(parsed.state)).toEqual({
      search: [
        { kind: "text", text: "ada" },
        { kind: "trait", key: "plan", value: "pro" },
      ],
      plan: "basic",
      orders: "with",
      seenWithinDays: 90,
      notSeenForDays: 30,
      trait: { key: "country", value: "GB" },
    });
  });

  it.each([
    [{ sort: "name" }, "Sort: choose one of Last seen, First seen, Lifetime revenue, Orders, Events."],
    [{ dir: "up" }, "Order: choose ascending or descending."],
    [{ orders: "some" }, 'Orders: choose "with orders" or "without orders".'],
    [{ seen: "abc" }, "Seen within: enter a number of days."],
    [{ seen: "1.5" }, "Seen within: enter a whole number of days."],
    [{ unseen: "0" }, "Not seen for: enter at least 1 day."],
    [{ unseen: "99999" }, "Not seen for: enter at most 3650 days."],
    [{ trait: "country" }, "Trait: enter both the trait name and the value it must equal."],
    [{ value: "GB" }, "Trait: enter both the trait name and the value it must equal."],
    [{ q: "x".repeat(201) }, "Search: use at most 200 characters."],
    [{ q: "a b c d e f g h i" }, "Search: use at most 8 words."],
    [{ after: "not-a-cursor" }, "This page link is out of date or was edited. Start again from the first page."],
  ])("explains a bad value: %j", (input, message) => {
    expect(errorsOf(input)).toEqual([message]);
  });

  it("refuses a window that cannot match anyone", () => {
    expect(errorsOf({ seen: "30", unseen: "30" })).toHaveLength(1);
  });

  it("accepts a cursor only for the sort it was made for", () => {
    const revenue = encodeCursor({ value: "12.50", id: 7 });
    expect(parseListParams({ sort: "revenue", after: revenue })).toMatchObject({
      ok: true,
      state: { after: { value: "12.50", id: 7 } },
    });
    expect(errorsOf({ sort: "last_seen", after: revenue })).toHaveLength(1);
    // never seen customers have no value: valid for last seen, not for revenue
    const never = encodeCursor({ value: null, id: 3 });
    expect(parseListParams({ before: never })).toMatchObject({ ok: true });
    expect(errorsOf({ sort: "revenue", before: never })).toHaveLength(1);
    expect(errorsOf({ after: never, before: never })).toHaveLength(1);
  });

  it("builds links that parse back to the same state, leaving defaults out", () => {
    const parsed = parseListParams({ q: 'name:"Ada L"', orders: "without", sort: "revenue", dir: "asc" });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const href = listHref(parsed.state, { after: { value: "0.00", id: 12 } });
    const url = new URL(href, "http://x.test");
    expect(url.pathname).toBe("/customers");
    const again = parseListParams(Object.fromEntries(url.searchParams));
    expect(again).toEqual({ ok: true, state: { ...parsed.state, after: { value: "0.00", id: 12 } } });
    expect(listHref({ sort: "last_seen", dir: "desc" })).toBe("/customers");
  });

  it("drops the page position when the sort or a filter changes", () => {
    const state = { sort: "revenue" as const, dir: "desc" as const, after: { value: "1.00", id: 2 } };
    expect(listHref(state, { dir: "asc" })).toBe("/customers?sort=revenue&dir=asc");
  });
});
