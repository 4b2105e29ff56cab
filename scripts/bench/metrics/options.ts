/** Command-line options of the metrics bench (scripts/bench/metrics.ts). */
export type DatabaseKind = "postgres" | "pglite";

export type MetricsBenchOptions = {
  database: DatabaseKind;
  customers: number;
  days: number;
  /** Keep an already seeded bench database of the same size instead of seeding it again. */
  reuse: boolean;
  /** Timed runs per query, after one untimed warm-up. */
  runs: number;
  /** Timed runs of the raw-events queries (PostgreSQL and DuckDB); they take seconds each at 10M events. */
  rawRuns: number;
  /** Also write EXPLAIN (ANALYZE, BUFFERS) of the rollup queries to bench-results/. */
  explain: boolean;
};

// ~10M events on PostgreSQL (the size); ~1M on PGlite, where a 10M seed takes about ten minutes.
const DEFAULT_CUSTOMERS: Record<DatabaseKind, number> = { postgres: 100_000, pglite: 10_000 };

export const USAGE = `Usage: npx tsx scripts/bench/metrics.ts [--database postgres|pglite] [--customers N] [--days N]
                                     [--reuse] [--runs N] [--raw-runs N] [--explain]

  --database   postgres (database tenure_bench_metrics next to BENCH_DATABASE_URL) or pglite (.data-bench-metrics)
  --customers  demo customers to seed (default 100000 on postgres ≈ 10M events, 10000 on pglite ≈ 1M)
  --days       days of history (default 365)
  --reuse      keep a bench database already seeded with that many customers
  --runs       timed runs per rollup query after one warm-up (default 7)
  --raw-runs   timed runs per raw-events query, PostgreSQL and DuckDB (default: --runs)
  --explain    write EXPLAIN (ANALYZE, BUFFERS) of the rollup queries to bench-results/`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[]): MetricsBenchOptions {
  let database: DatabaseKind = "postgres";
  const numbers: Record<string, number | undefined> = {};
  let reuse = false;
  let explain = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--reuse") reuse = true;
    else if (arg === "--explain") explain = true;
    else if (arg === "--database") {
      const value = argv[++i];
      if (value !== "postgres" && value !== "pglite") throw new UsageError("--database must be postgres or pglite");
      database = value;
    } else if (["--customers", "--days", "--runs", "--raw-runs"].includes(arg)) {
      const raw = argv[++i] ?? "";
      if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${arg} needs a positive whole number`);
      numbers[arg] = Number(raw);
    } else throw new UsageError(`Unknown option ${arg}`);
  }
  const runs = numbers["--runs"] ?? 7;
  return {
    database,
    customers: numbers["--customers"] ?? DEFAULT_CUSTOMERS[database],
    days: numbers["--days"] ?? 365,
    reuse,
    runs,
    rawRuns: numbers["--raw-runs"] ?? runs,
    explain,
  };
}
