import { randomBytes } from "node:crypto";
import pg from "pg";

/** Creates an empty database on the server of `baseUrl`; returns its URL and a function that drops it. */
export async function createPostgresDatabase(baseUrl: string) {
  const name = `tenure_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
