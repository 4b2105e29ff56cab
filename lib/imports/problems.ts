import type { RowProblem, RowReason, RowResult } from "./row";

/**
 * Collects every problem of one row, so that a person fixing the file sees all of them at once rather than
 * one per attempt; the row's reason code is its first problem's.
 */
export class ProblemList {
  private readonly problems: RowProblem[] = [];

  add(reason: RowReason, message: string) {
    this.problems.push({ reason, message });
  }

  addProblem(problem: RowProblem | null) {
    if (problem) this.problems.push(problem);
  }

  result<T>(value: () => T): RowResult<T> {
    const [first] = this.problems;
    if (!first) return { ok: true, value: value() };
    return { ok: false, problem: { reason: first.reason, message: this.problems.map((p) => p.message).join(" ") } };
  }
}
