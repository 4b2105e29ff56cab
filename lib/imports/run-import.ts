import type { CsvRecord } from "./csv";
import { addOutcome, type ImportOutcome } from "./outcome";

/** Why a chunk request failed; `retryable` for the network, a busy server (429) or a 5xx. */
export class ChunkFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "ChunkFailed";
  }
}

export type SendChunk = (rows: CsvRecord[]) => Promise<ImportOutcome>;

export type ImportProgress = { chunksDone: number; rowsDone: number; outcome: ImportOutcome };

export type ImportRun = ImportProgress & {
  status: "done" | "stopped" | "failed";
  /** The chunk to start from when the import is continued; equals the chunk count when done. */
  nextChunk: number;
  failure?: string;
};

/**
 * Drives an import from the browser: sends the chunks one at a time (in file order, so a later row of the
 * same customer is applied later), adds up what each committed, and reports progress after each. A failed
 * request is retried with growing pauses when that can help; otherwise, or when `shouldStop()` says the person
 * pressed Stop, the run ends where it is, with everything before committed, and can be continued from
 * `nextChunk` (or the whole file imported again: committed rows come back as duplicates).
 */
export async function runImport(options: {
  chunks: readonly CsvRecord[][];
  send: SendChunk;
  startChunk?: number;
  outcome: ImportOutcome;
  rowsDone?: number;
  onProgress?: (progress: ImportProgress) => void;
  shouldStop?: () => boolean;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}): Promise<ImportRun> {
  const delays = options.retryDelaysMs ?? [1_000, 3_000, 10_000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const outcome = options.outcome;
  let rowsDone = options.rowsDone ?? 0;
  for (let index = options.startChunk ?? 0; index < options.chunks.length; index++) {
    if (options.shouldStop?.()) return { status: "stopped", chunksDone: index, nextChunk: index, rowsDone, outcome };
    const rows = options.chunks[index]!;
    let attempt = 0;
    for (;;) {
      try {
        addOutcome(outcome, await options.send(rows));
        break;
      } catch (error) {
        const failure = error instanceof ChunkFailed ? error : new ChunkFailed(String(error), true);
        const delay = delays[attempt++];
        if (!failure.retryable || delay === undefined || options.shouldStop?.()) {
          return { status: "failed", chunksDone: index, nextChunk: index, rowsDone, outcome, failure: failure.message };
        }
        await sleep(delay);
      }
    }
    rowsDone += rows.length;
    options.onProgress?.({ chunksDone: index + 1, rowsDone, outcome });
  }
  return { status: "done", chunksDone: options.chunks.length, nextChunk: options.chunks.length, rowsDone, outcome };
}
