import { beforeAll, describe, expect, it } from "vitest";
import { workspaces } from "@/lib/db/schema";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { createApiKey, revokeApiKey } from "./api-keys";
import { apiKeyMayUse, bearerToken, principalFromBearer } from "./api-keys-access";
import { CAPABILITIES, type Capability } from "./roles";

describe("bearerToken", () => {
  it.each([
    [null, null],
    ["", null],
    ["Basic dG5yX3drXzpxcQ==", null],
    ["Bearertnr_x", null],
    ["Bearer tnr_abc", "tnr_abc"],
    ["bearer   tnr_abc  ", "tnr_abc"],
    ["BEARER tnr_abc", "tnr_abc"],
    ["Bearer", ""],
    ["Bearer   ", ""],
  ])("%j → %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe("what API keys may do", () => {
  // Written out by hand: adding a capability must be a decision about keys, not an accident.
  const expected: Record<Capability, boolean> = {
    "analytics:read": true,
    "customers:read": true,
    "support:read": true,
    "marketing:write": false,
    "settings:manage": false,
    "home:read": false,
  };
  it.each(Object.keys(CAPABILITIES) as Capability[])("%s", (capability) => {
    expect(apiKeyMayUse(capability)).toBe(expected[capability]);
  });
});

describeEachDatabase("principalFromBearer", ({ database }) => {
  let ws = "";
  let secret = "";
  let revokedSecret = "";

  beforeAll(async () => {
    const db = database().db;
    const [workspace] = await db.insert(workspaces).values({ name: "Acme", currency: "GBP" }).returning();
    ws = workspace!.id;
    secret = (await createApiKey(db, ws, null, "BI tool")).secret;
    const revoked = await createApiKey(db, ws, null, "Old");
    revokedSecret = revoked.secret;
    await revokeApiKey(db, ws, null, revoked.apiKey.id);
  });

  async function failure(header: string | null, capability: Capability) {
    try {
      await principalFromBearer(database().db, header, capability);
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected principalFromBearer to throw");
  }

  it("leaves requests without a Bearer header to the session", async () => {
    const db = database().db;
    expect(await principalFromBearer(db, null, "analytics:read")).toBeNull();
    expect(await principalFromBearer(db, "Basic abc", "settings:manage")).toBeNull();
  });

  it("accepts a valid key for each read capability, as the key's workspace without a user", async () => {
    for (const capability of ["analytics:read", "customers:read", "support:read"] as const) {
      expect(await principalFromBearer(database().db, `Bearer ${secret}`, capability)).toEqual({
        via: "api_key",
        workspace: { id: ws, timeZone: "UTC", currency: "GBP" },
        userId: null,
      });
    }
  });

  it("answers 403 when a valid key is used for anything but reading", async () => {
    for (const capability of ["marketing:write", "settings:manage", "home:read"] as const) {
      const error = await failure(`Bearer ${secret}`, capability);
      expect(error).toBeInstanceOf(Forbidden);
      expect(error.message).toContain("API keys can only read");
    }
  });

  it("answers 401 for malformed, unknown and revoked keys, without repeating the key", async () => {
    const unknown = `tnr_${"B".repeat(43)}`;
    const cases: [string, RegExp][] = [
      ["Bearer", /Malformed API key/],
      ["Bearer not-a-key", /Malformed API key/],
      [`Bearer ${secret}extra`, /Malformed API key/],
      [`Bearer ${unknown}`, /unknown or was revoked/],
      [`Bearer ${revokedSecret}`, /unknown or was revoked/],
    ];
    for (const [header, message] of cases) {
      // A write capability too: authentication is decided before authorization.
      for (const capability of ["analytics:read", "marketing:write"] as const) {
        const error = await failure(header, capability);
        expect(error).toBeInstanceOf(Unauthenticated);
        expect(error.message).toMatch(message);
        expect(error.message).not.toContain(header.slice(7) || "never-empty");
      }
    }
  });
});
