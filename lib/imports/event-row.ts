import { isNumericProperty, parseAmount } from "./amounts";
import type { CompiledMapping } from "./mapping";
import { ProblemList } from "./problems";
import { cell, extraValues, type RowResult } from "./row";
import { parseTimestamp } from "./timestamp";

/** One events-file row, read: who did what when, its properties, and its own message id when the file has one. */
export type EventRow = {
  userId: string | null;
  anonymousId: string | null;
  event: string;
  timestamp: Date;
  properties: Record<string, string | number>;
  messageId: string | null;
};

/** Empty cells are left out of the properties; e-commerce amounts (revenue, total, …) become numbers. */
export function readEventRow(
  mapping: CompiledMapping,
  columns: number,
  cells: readonly string[],
  timeZone: string,
): RowResult<EventRow> {
  const problems = new ProblemList();
  problems.addProblem(extraValues(cells, columns));
  const userId = cell(cells, mapping.userId);
  const anonymousId = cell(cells, mapping.anonymousId);
  if (userId === "" && anonymousId === "") {
    problems.add(
      "missing_identity",
      mapping.anonymousId === null ? "The user id is empty." : "The user id and the anonymous id are both empty.",
    );
  }
  const event = cell(cells, mapping.event);
  if (event === "") problems.add("missing_event", "The event name is empty.");
  const time = cell(cells, mapping.timestamp);
  let timestamp: Date | null = null;
  if (time === "") problems.add("missing_timestamp", "The timestamp is empty.");
  else {
    const parsed = parseTimestamp(time, timeZone);
    if (parsed.ok) timestamp = parsed.date;
    else problems.add("invalid_timestamp", `Timestamp: ${parsed.message}.`);
  }
  const properties: Record<string, string | number> = {};
  for (const { index, key } of mapping.fields) {
    const value = cell(cells, index);
    if (value === "") continue;
    if (!isNumericProperty(key)) {
      properties[key] = value;
      continue;
    }
    const amount = parseAmount(value);
    if (amount.ok) properties[key] = amount.value;
    else problems.add("invalid_number", `${key} "${value}" is not a number; write it like 12.50.`);
  }
  const messageId = cell(cells, mapping.messageId);
  return problems.result(() => ({
    userId: userId || null,
    anonymousId: anonymousId || null,
    event,
    timestamp: timestamp!,
    properties,
    messageId: messageId || null,
  }));
}
