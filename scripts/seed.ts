/**
 * npm run seed -- [--customers N] [--days N] [--seed N] [--reset]
 *
 * Loads the "Northwind Coffee Club" demo workspace into the database the environment points at (DATABASE_URL,
 * else the embedded database in DATA_DIR). Refuses when a demo is already there, unless --reset, which
 * deletes that demo workspace and the demo users first. docs/demo-data.md describes the data.
 */

import { openDatabase, optionsFromEnv } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/lock";
import { migrateDatabase } from "@/lib/db/migrate";
import { EnvError, env } from "@/lib/env";
import { seedDemo } from "@/lib/seed/demo";
import { DEMO_USERS, DEMO_WORKSPACE_NAME, DEMO_WRITE_KEY } from "@/lib/seed/demo-users";
import { deleteDemo, findExistingDemo } from "@/lib/seed/existing";
import { DEFAULT_DEMO_SIZE } from "@/lib/seed/run";

const USAGE = `Usage: npm run seed -- [--customers N] [--days N] [--seed N] [--reset]

  --customers N  customers to simulate (default ${DEFAULT_DEMO_SIZE.customers}, at most 1000000)
  --days N       days of history before today (default ${DEFAULT_DEMO_SIZE.days}, at most 3650)
  --seed N       random seed; the same seed, size and day give the same data (default: fixed)
  --reset        delete an existing demo workspace and the demo users first`;

type Args = { customers: number; days: number; seed?: number; reset: boolean };

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | "help" {
  const args: Args = { customers: DEFAULT_DEMO_SIZE.customers, days: DEFAULT_DEMO_SIZE.days, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--reset") {
      args.reset = true;
      continue;
    }
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg, undefined];
    const limits = { "--customers": [1, 1_000_000], "--days": [1, 3_650], "--seed": [0, 4_294_967_295] } as const;
    if (!(flag !== undefined && flag in limits)) throw new UsageError(`Unknown option ${arg}`);
    const name = flag as keyof typeof limits;
    const raw = inline ?? argv[++i];
    if (raw === undefined || raw.startsWith("--")) throw new UsageError(`${name} needs a number`);
    const [min, max] = limits[name];
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    if (name === "--customers") args.customers = value;
    else if (name === "--days") args.days = value;
    else args.seed = value;
  }
  return args;
}

async function main(): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }

  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const target = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${config.DATA_DIR}`;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(optionsFromEnv(config));
  } catch (error) {
    // A running Tenure holds the embedded database: say so plainly instead of printing a stack.
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    await migrateDatabase(database);
    const existing = await findExistingDemo(database.db);
    if (existing.workspaceIds.length > 0 || existing.userEmails.length > 0) {
      if (!args.reset) {
        console.error(
          `A demo is already loaded in ${target} (workspace "${DEMO_WORKSPACE_NAME}" or the demo sign-ins). ` +
            "Run `npm run seed -- --reset` to delete it and load a fresh one.",
        );
        return 1;
      }
      console.log(`Deleting the existing demo (${existing.workspaceIds.length} workspace(s), demo users)…`);
      await deleteDemo(database.db, existing.workspaceIds);
    }

    console.log(`Seeding ${target}: ${args.customers.toLocaleString("en-US")} customers over ${args.days} days`);
    const summary = await seedDemo(database.db, {
      customers: args.customers,
      days: args.days,
      now: new Date(),
      seed: args.seed,
      onProgress: (message) => console.log(`  ${message}`),
    });

    const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
    console.log(
      [
        "",
        `Done in ${(summary.elapsedMs / 1000).toFixed(1)} s.`,
        `  workspace  ${DEMO_WORKSPACE_NAME} (${summary.workspaceId})`,
        `  customers  ${summary.customers.toLocaleString("en-US")}`,
        `  events     ${summary.events.toLocaleString("en-US")}`,
        `  tickets    ${summary.tickets.toLocaleString("en-US")} (${summary.ticketStatusChanges.toLocaleString("en-US")} status changes)`,
        "",
        "Sign in with:",
        ...DEMO_USERS.map((u) => `  ${u.role.padEnd(8)}  ${u.email.padEnd(width)}  ${u.password}`),
        "",
        `Tracking API write key (source "Website"): ${DEMO_WRITE_KEY}`,
      ].join("\n"),
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
