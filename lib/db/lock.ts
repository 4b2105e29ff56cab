import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it. A lock file
 * holding the owner's pid turns that into a clear refusal. A lock left by a process that no longer runs is
 * taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by another Tenure process (pid ${ownerPid}). ` +
        "Stop that process first, start this one with a different DATA_DIR, or set DATABASE_URL to share a " +
        `PostgreSQL server. If no Tenure process is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = "DataDirLockedError";
  }
}

const LOCK_FILE = "tenure.lock";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          const owner = JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number };
          if (owner.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone: nothing to release
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let ownerPid = Number.NaN;
      try {
        ownerPid = Number((JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number }).pid);
      } catch {
        // unreadable lock: treat as stale
      }
      if (Number.isInteger(ownerPid) && (ownerPid === process.pid || isRunning(ownerPid))) {
        throw new DataDirLockedError(dataDir, ownerPid);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
