import type { CompiledMapping } from "./mapping";
import { ProblemList } from "./problems";
import { cell, extraValues, type RowResult } from "./row";
import { parseTimestamp } from "./timestamp";

/** One customers-file row, read: who, their traits (empty cells left out), and when the traits were true. */
export type CustomerRow = { userId: string; traits: Record<string, string>; timestamp: Date | null };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Empty cells are left out of the traits rather than stored as "", so a file with gaps never clears a trait
 * that another source set. A timestamp column is optional; an empty cell there means "the import time".
 */
export function readCustomerRow(
  mapping: CompiledMapping,
  columns: number,
  cells: readonly string[],
  timeZone: string,
): RowResult<CustomerRow> {
  const problems = new ProblemList();
  problems.addProblem(extraValues(cells, columns));
  const userId = cell(cells, mapping.userId);
  if (userId === "") problems.add("missing_user_id", "The user id is empty.");
  const email = cell(cells, mapping.email);
  if (email !== "" && !EMAIL.test(email)) problems.add("invalid_email", `"${email}" is not an email address.`);
  let timestamp: Date | null = null;
  const time = cell(cells, mapping.timestamp);
  if (time !== "") {
    const parsed = parseTimestamp(time, timeZone);
    if (parsed.ok) timestamp = parsed.date;
    else problems.add("invalid_timestamp", `Timestamp: ${parsed.message}.`);
  }
  return problems.result(() => {
    const traits: Record<string, string> = {};
    for (const { index, key } of mapping.fields) {
      const value = cell(cells, index);
      if (value !== "") traits[key] = value;
    }
    if (email !== "") traits.email = email;
    const phone = cell(cells, mapping.phone);
    if (phone !== "") traits.phone = phone;
    const name = cell(cells, mapping.name);
    if (name !== "") traits.name = name;
    return { userId, traits, timestamp };
  });
}
