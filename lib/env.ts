import { z } from "zod";

/**
 * The environment, validated once. Every module reads settings from here, never from
 * `process.env` directly, so a wrong value stops the app at start with a message that says
 * which variable is wrong and what it should look like.
 */
const booleanFlag = z
  .enum(["0", "1", "true", "false"], { error: "doit valoir 1, 0, true ou false" })
  .transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, {
      error: "doit être une adresse PostgreSQL, par exemple postgres://utilisateur@127.0.0.1:5432/base",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  SEED_DEMO_DATA: booleanFlag.optional(),
  /** 0: an empty install — no plan and no City named until an admin imports a plan file (issue 11, point 6). */
  SEED_PLAN: booleanFlag.optional(),
  SITE_URL: z.url({ error: "doit être une adresse complète, par exemple https://participation.exemple.fr" }).optional(),
  NEXTAUTH_URL: z.url({ error: "doit être l'adresse complète du site, par exemple https://participation.exemple.fr" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, { error: "doit faire au moins 32 caractères (par exemple : openssl rand -base64 32)" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, {
      error: "doit être une adresse smtp:// ou smtps://, par exemple smtp://utilisateur:motdepasse@smtp.exemple.fr:587",
    })
    .optional(),
  /** The sender of every mail; set it to the City's address and name (its default names no city). */
  MAIL_FROM: z.string().min(3).default("Projet social communal <ne-pas-repondre@exemple.invalid>"),
  /** How many reverse proxies in front of the app append to X-Forwarded-For. 0: trust none. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * Set: the rendered pages are cached in Redis, shared by every app process (ops/cache-handler.mjs,
   * which reads it itself), and the health route checks it. Unset: Next's cache in this process.
   */
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, { error: "doit être une adresse redis:// ou rediss://, par exemple redis://127.0.0.1:6379" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The prefix of this site's keys in Redis (read by ops/cache-handler.mjs; here for the message at start). */
  REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: "doit faire 1 à 40 lettres, chiffres, « _ », « . » ou « - », par exemple psc" })
    .default("psc"),
  /** Read by the production server's logger (ops/log.mjs), which checks it first; here for the message at start. */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "doit valoir fatal, error, warn, info, debug, trace ou silent",
    })
    .default("info"),
  TEST_HOOKS_TOKEN: z.string().min(32, { error: "doit faire au moins 32 caractères" }).optional(),
  /** Browser tests only (honoured with TEST_HOOKS_TOKEN): the digest timer's period, to run two processes' timers at once. */
  TEST_DIGEST_PERIOD_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  /** Browser tests only (honoured with TEST_HOOKS_TOKEN): the retention job's first tick after start (45 s otherwise). */
  TEST_RETENTION_FIRST_TICK_MS: z.coerce.number().int().min(100).max(600_000).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Used only outside production when NEXTAUTH_SECRET is unset, so `npm run dev` works on a fresh clone. */
export const DEVELOPMENT_AUTH_SECRET = "developpement-seulement-ne-jamais-utiliser-en-production";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")} : ${issue.message}`);
    throw new Error(`Configuration invalide (variables d'environnement) :\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The secret that signs session tokens. Required in production (checked when the server starts);
 * a fixed, public development secret otherwise, so a fresh clone runs with no setup.
 */
export function authSecret(e: Env = env()): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production") {
    throw new Error(
      "Configuration invalide (variables d'environnement) :\n  - NEXTAUTH_SECRET : obligatoire en production (au moins 32 caractères, par exemple : openssl rand -base64 32)",
    );
  }
  return DEVELOPMENT_AUTH_SECRET;
}

/**
 * The site's public origin, from which links in mails are built. NEXTAUTH_URL in production; in
 * development instrumentation.ts defaults it to this server's port, possibly after env() was read.
 */
export function siteOrigin(e: Env = env()): string {
  const url = e.NEXTAUTH_URL ?? process.env.NEXTAUTH_URL ?? e.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(url).origin;
}

/**
 * The source document's plan and its City's identity are seeded into a database with no
 * plan, unless SEED_PLAN=0: then the install starts empty, for another City to import its own plan
 * file (docs/format-plan.md) and name itself in « Paramètres ».
 */
export function shouldSeedPlan(e: Env = env()): boolean {
  return e.SEED_PLAN ?? true;
}

/** Demo councils (and later demo accounts) are seeded in development, never in production unless asked. */
export function shouldSeedDemoData(e: Env = env()): boolean {
  return e.SEED_DEMO_DATA ?? e.NODE_ENV !== "production";
}
