import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { TooSlow } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { withQueryBudget } from "./query-budget";

describeEachDatabase("analytics query budget", ({ database, kind }) => {
  it("answers within the budget and turns a query past it into TooSlow", async () => {
    const db = database().db;
    const quick = await withQueryBudget(db, async (tx) => (await tx.execute(sql`select 1 as one`)) as unknown);
    expect(quick).toBeTruthy();
    const slow = withQueryBudget(db, (tx) => tx.execute(sql`select pg_sleep(2)`), 200);
    // PGlite runs in one process without timer interrupts, so statement_timeout never fires there: the
    // embedded database answers every view, however slowly. PostgreSQL stops it and the user is told why.
    if (kind === "postgres") await expect(slow).rejects.toBeInstanceOf(TooSlow);
    else await expect(slow).resolves.toBeTruthy();
    // The timeout was local to that transaction: the next query on the same database is not cut short.
    await expect(db.execute(sql`select pg_sleep(0.3)`)).resolves.toBeTruthy();
  });

  it("gives analytics views 64 MB of work_mem for their transaction only", async () => {
    const db = database().db;
    const show = async (d: typeof db) =>
      ((await d.execute(sql`show work_mem`)) as unknown as { rows: { work_mem: string }[] }).rows[0]?.work_mem;
    const before = await show(db);
    expect(before).not.toBe("64MB");
    expect(await withQueryBudget(db, show)).toBe("64MB");
    expect(await withQueryBudget(db, show, 10_000, {})).toBe(before);
    expect(await show(db)).toBe(before);
  });

  it("runs connections without JIT (on PostgreSQL it cost more than it saved on every analytics query)", async () => {
    const jit = ((await database().db.execute(sql`show jit`)) as unknown as { rows: { jit: string }[] }).rows[0]?.jit;
    expect(jit).toBe("off");
  });
});
