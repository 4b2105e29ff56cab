import { z } from "zod";

/**
 * Every environment variable Tenure reads, validated once at start-up so that a typo is reported by name
 * instead of surfacing later as an odd failure. Secret values are never echoed back in messages.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

function positiveInt(what: string, fallback: number) {
  return optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 0, { message: `must be a whole number (${what})` });
}

const envSchema = z
  .object({
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/.+/.test(v), {
      message: "must be a PostgreSQL URL such as postgres://user:password@host:5432/tenure",
    }),
    DATA_DIR: optionalText.transform((v) => v ?? ".data"),
    PORT: optionalText
      .transform((v) => (v === undefined ? 3000 : Number(v)))
      .refine((v) => Number.isInteger(v) && v > 0 && v < 65536, { message: "must be a port number (1-65535)" }),
    NEXTAUTH_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (for example: openssl rand -base64 32)",
    }),
    NEXTAUTH_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), {
      message: "must be the absolute URL users open, such as https://tenure.example.com",
    }),
    SEED: optionalText.refine((v) => v === undefined || v === "0" || v === "1", {
      message: "must be 0 (start without demo data) or 1",
    }),
    ADMIN_EMAIL: optionalText.refine((v) => v === undefined || z.email().safeParse(v).success, {
      message: "must be an email address",
    }),
    ADMIN_PASSWORD: optionalText.refine((v) => v === undefined || v.length >= 10, {
      message: "must be at least 10 characters",
    }),
    INGEST_RATE_LIMIT: positiveInt("events per second a write key may send by default", 20_000),
    INGEST_CONCURRENCY: positiveInt("ingest transactions at once", 0),
    INGEST_QUEUE: positiveInt("tracking requests that may wait for a transaction", 200),
    WORKER: optionalText
      .transform((v) => v ?? "inline")
      .refine((v) => v === "inline" || v === "off", {
        message: "must be inline (run background jobs in the web process) or off",
      }),
  })
  .refine((e) => (e.ADMIN_EMAIL === undefined) === (e.ADMIN_PASSWORD === undefined), {
    message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    path: ["ADMIN_PASSWORD"],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
}

let cached: Env | undefined;
/** The validated process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
