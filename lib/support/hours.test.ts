import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { DEFAULT_SUPPORT_HOURS, describeSupportHours, resolveSupportHours } from "./hours";
import { parseSupportHoursForm } from "./hours-form";
import { loadSupportHours, saveSupportHours } from "./hours-store";

it("parses the form: weekdays sorted and de-duplicated, times trimmed", () => {
  expect(parseSupportHoursForm({ days: ["5", "1", "3", "1"], start: " 08:30", end: "18:00 " })).toEqual({
    ok: true,
    hours: { days: [1, 3, 5], start: "08:30", end: "18:00" },
  });
  expect(parseSupportHoursForm({ days: ["6", "7"], start: "00:00", end: "24:00" })).toMatchObject({ ok: true });
});

it.each([
  [[], "09:00", "17:00", "days", "Pick at least one day."],
  [["8"], "09:00", "17:00", "days", "Pick days from Monday to Sunday."],
  [["1"], "9am", "17:00", "start", "Use a 24-hour time such as 09:00."],
  [["1"], "24:00", "17:00", "start", "Use a 24-hour time such as 09:00."],
  [["1"], "09:00", "25:00", "end", "Use a 24-hour time such as 17:00 (or 24:00)."],
  [["1"], "17:00", "09:00", "end", "Must be after the start time."],
  [["1"], "09:00", "09:00", "end", "Must be after the start time."],
])("refuses days %j, %j to %j with a message on %s", (days, start, end, field, message) => {
  expect(parseSupportHoursForm({ days, start, end })).toEqual({ ok: false, fields: { [field]: message } });
});

it("reads missing or malformed stored hours as the defaults, and describes them", () => {
  expect(resolveSupportHours({})).toEqual({ hours: DEFAULT_SUPPORT_HOURS, isDefault: true });
  expect(resolveSupportHours({ supportHours: { days: [], start: "x", end: "y" } })).toEqual({
    hours: DEFAULT_SUPPORT_HOURS,
    isDefault: true,
  });
  expect(describeSupportHours(DEFAULT_SUPPORT_HOURS)).toBe("Mon–Fri 09:00–17:00");
  expect(describeSupportHours({ days: [1, 3], start: "08:00", end: "12:00" })).toBe("Mon, Wed 08:00–12:00");
  expect(describeSupportHours({ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" })).toBe(
    "Every day 00:00–24:00",
  );
});

describeEachDatabase("support hours persistence", ({ database }) => {
  it("saves the hours, keeps other settings, audits the change, and audits nothing for no change", async () => {
    const db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: "Hours", settings: { metrics: { keep: true }, maxUsersPerAnonymousId: 2 } })
      .returning();
    const ws = w!.id;
    const next = { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "20:00" };
    expect(await loadSupportHours(db, ws)).toEqual({ hours: DEFAULT_SUPPORT_HOURS, isDefault: true });
    expect(await saveSupportHours(db, ws, null, next)).toEqual({ changed: true });
    expect(await loadSupportHours(db, ws)).toEqual({ hours: next, isDefault: false });
    const [stored] = await db.select({ s: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws));
    expect(stored!.s.metrics).toEqual({ keep: true });
    expect(stored!.s.maxUsersPerAnonymousId).toBe(2);

    expect(await saveSupportHours(db, ws, null, next)).toEqual({ changed: false });
    const audits = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws), eq(auditLog.action, "support_hours.updated")));
    expect(audits).toEqual([{ details: { from: null, to: next } }]);
  });
});
