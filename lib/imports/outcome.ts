/**
 * What importing rows came to: stored, already there (same message id imported before, so a re-run adds
 * nothing), and rejected with the CSV line of each rejected row. The same shape answers one chunk request
 * and sums up a whole file.
 */
export type RejectedRow = { line: number; reason: string; message: string };
export type ImportOutcome = { accepted: number; duplicates: number; rejected: RejectedRow[] };

export function emptyOutcome(): ImportOutcome {
  return { accepted: 0, duplicates: 0, rejected: [] };
}

/** Adds a chunk's outcome to the running totals (mutating them: a 100k-row file has 100 chunks). */
export function addOutcome(total: ImportOutcome, chunk: ImportOutcome): ImportOutcome {
  total.accepted += chunk.accepted;
  total.duplicates += chunk.duplicates;
  for (const r of chunk.rejected) total.rejected.push(r);
  return total;
}
