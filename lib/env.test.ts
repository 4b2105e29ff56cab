import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database in .data on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.PORT).toBe(3000);
    expect(env.WORKER).toBe("inline");
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: " " }).PORT).toBe(3000);
  });

  it("names every bad variable in one message", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "70000", SEED: "yes", NEXTAUTH_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain("DATABASE_URL must be a PostgreSQL URL");
    expect(message).toContain("PORT must be a port number");
    expect(message).toContain("SEED must be 0");
    expect(message).toContain("NEXTAUTH_SECRET must be at least 32 characters");
    expect(message).not.toContain("short");
  });

  it("requires ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.co" })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
    expect(parseEnv({ ADMIN_EMAIL: "a@b.co", ADMIN_PASSWORD: "0123456789" }).ADMIN_EMAIL).toBe("a@b.co");
  });

  it("accepts postgres URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/tenure" }).DATABASE_URL).toBe(
      "postgresql://u:p@db:5432/tenure",
    );
  });
});
