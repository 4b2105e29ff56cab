/**
 * `npm start`: one command from a fresh clone to a running Tenure.
 *   1. validate the environment;
 *   2. open the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrate it, and on an empty
 *      database either load the demo workspace, create the admin from ADMIN_EMAIL/ADMIN_PASSWORD, or leave
 *      it for the one-time setup page;
 *   3. build the app when the build is missing or older than the sources;
 *   4. serve it with `next start` (or `next dev` with --dev) and say where and how to sign in.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, optionsFromEnv } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/lock";
import { migrateDatabase } from "@/lib/db/migrate";
import { EnvError, parseEnv } from "@/lib/env";
import { DEMO_USERS, DEMO_WRITE_KEY } from "@/lib/seed/demo-users";
import { findExistingDemo } from "@/lib/seed/existing";
import { seedIfEmpty } from "@/lib/seed/run";
import { ensureAuthSecret } from "@/lib/server/auth-secret";
import { createWorkspaceWithAdmin, hasAnyUser } from "@/lib/workspaces/create";

const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js"];
  return sources.every((s) => newestMtime(s) <= built) && newestMtime("package-lock.json") <= built;
}

async function prepareDatabase(config: ReturnType<typeof parseEnv>): Promise<"demo" | "admin" | "setup" | "existing"> {
  const database = await openDatabase(optionsFromEnv(config)).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) fail(error.message);
    fail(`Could not open the database: ${error instanceof Error ? error.message : String(error)}`);
  });
  try {
    console.log(
      `tenure: database ${database.kind === "pglite" ? `embedded (PGlite) in ${path.resolve(config.DATA_DIR)}` : "PostgreSQL"}; applying migrations`,
    );
    await migrateDatabase(database);
    if (await hasAnyUser(database.db)) {
      return (await findExistingDemo(database.db)).userEmails.length > 0 ? "demo" : "existing";
    }
    if (config.SEED !== "0") {
      await seedIfEmpty(database, (message) => console.log(`tenure: seed: ${message}`));
      return "demo";
    }
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
      await createWorkspaceWithAdmin(database.db, {
        workspaceName: "My workspace",
        timeZone: "UTC",
        name: "Admin",
        email: config.ADMIN_EMAIL,
        password: config.ADMIN_PASSWORD,
      });
      console.log(`tenure: created the first admin ${config.ADMIN_EMAIL}`);
      return "admin";
    }
    return "setup";
  } finally {
    await database.close();
  }
}

async function main() {
  let config: ReturnType<typeof parseEnv>;
  try {
    config = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const outcome = await prepareDatabase(config);

  if (!dev && !buildIsCurrent()) {
    console.log("tenure: building the app (first start or changed sources; takes a minute or two)");
    const build = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) fail("tenure: the build failed; see the output above.");
  }

  const url = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  const childEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: ensureAuthSecret(path.resolve(config.DATA_DIR), config.NEXTAUTH_SECRET),
    NEXTAUTH_URL: url,
    PORT: String(config.PORT),
  };
  const child = spawn("npx", ["next", dev ? "dev" : "start", "-p", String(config.PORT)], {
    env: childEnv,
    stdio: ["inherit", "pipe", "inherit"],
  });
  let announced = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in/i.test(chunk.toString())) {
      announced = true;
      announce(url, outcome);
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function announce(url: string, outcome: Awaited<ReturnType<typeof prepareDatabase>>) {
  const lines = [`Tenure is running at ${url}`];
  if (outcome === "demo") {
    lines.push("Demo sign-in:");
    for (const user of DEMO_USERS) lines.push(`  ${user.role.padEnd(9)} ${user.email}  /  ${user.password}`);
    lines.push(`Demo write key for the tracking API: ${DEMO_WRITE_KEY}`);
  } else if (outcome === "setup") {
    lines.push(`No users yet: open ${url}/setup to create the first admin.`);
  }
  console.log(`\n${lines.join("\n")}\n`);
}

main().catch((error: unknown) => fail(`tenure: ${error instanceof Error ? error.stack : String(error)}`));
