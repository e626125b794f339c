// @ts-check
/*
 * The browser tests' build (playwright.config.ts runs this before `npm start`): `next build` into
 * NEXT_DIST_DIR (.next-e2e) — or, when nothing the build reads has changed since the last one, that
 * build again, as it was when `next build` finished. The build needs no database (issue 16), so
 * one build serves every run: CI's two `npm test` (PostgreSQL, then the embedded database) and a
 * developer's reruns of a spec. Decision 0028.
 *
 * « As it was »: the server writes into its build folder while it runs (Next's page cache on disk:
 * pages rendered from the run's database), so a copy of the folder is kept when `next build`
 * finishes (NEXT_DIST_DIR-pristine, without the compiler's cache) and put back before each run.
 *
 * The key of a build: the content of every file of the checkout that may reach it — all but the
 * tests (e2e/, tests/, *.test.ts) and the documentation (docs/, *.md) — with the installed
 * packages (node_modules/.package-lock.json), Node's version and the environment variables that
 * the app or next.config.js read. Outside a git checkout there is no key: it always builds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const dist = path.join(root, distDir);
const pristine = path.join(root, `${distDir}-pristine`);
const keyFile = path.join(pristine, "e2e-build-key");
/** The compiler's own cache (Turbopack's): speeds a later build up, never served, not copied. */
const compilerCache = "cache";

/** Files that never reach the build: the tests and the documentation. */
const notInBuild = /^(e2e|tests|docs|\.ci)\/|\.md$|\.test\.ts$/;
/** What lib/env.ts, next.config.js and ops/ read, and Next's own switches (NEXT_*). */
const buildEnv = [
  "NODE_ENV",
  "DATABASE_URL",
  "DATABASE_POOL_MAX",
  "PGLITE_DIR",
  "SEED_DEMO_DATA",
  "SITE_URL",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "SMTP_URL",
  "MAIL_FROM",
  "TRUSTED_PROXY_HOPS",
  "REDIS_URL",
  "REDIS_PREFIX",
  "LOG_LEVEL",
  "TEST_HOOKS_TOKEN",
  "TEST_DIGEST_PERIOD_MS",
  "TEST_RETENTION_FIRST_TICK_MS",
  "PUBLIC_PAGES_KEEP_SCRIPTS",
  "E2E_SKIP_TYPECHECK",
  "BENCH_BUILD",
];

/** The build's key, or null when the checkout's files cannot be listed (no git). */
function buildKey() {
  let files;
  try {
    files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((file) => file && !notInBuild.test(file));
  } catch {
    return null;
  }
  const hash = createHash("sha256");
  hash.update(`node ${process.version}\n`);
  const envNames = Object.keys(process.env).filter((name) => buildEnv.includes(name) || name.startsWith("NEXT_"));
  for (const name of envNames.sort()) hash.update(`env ${name}=${process.env[name]}\n`);
  // Ignored by git, read by Next (.env files) or by the build (the installed packages).
  const extra = [".env", ".env.local", ".env.production", ".env.production.local", "node_modules/.package-lock.json"];
  for (const file of [...files.sort(), ...extra]) {
    const full = path.join(root, file);
    // A file deleted but not yet staged is still listed by git.
    if (!existsSync(full)) continue;
    hash.update(`file ${file}\n`);
    hash.update(readFileSync(full));
  }
  return hash.digest("hex");
}

/** Puts the kept build back in the build folder (the compiler's cache stays). */
function restore() {
  if (existsSync(dist)) {
    for (const entry of readdirSync(dist)) if (entry !== compilerCache) rmSync(path.join(dist, entry), { recursive: true, force: true });
  }
  cpSync(pristine, dist, { recursive: true, filter: (source) => source !== keyFile });
}

const key = buildKey();
if (key && existsSync(keyFile) && readFileSync(keyFile, "utf8") === key) {
  restore();
  console.log(`${distDir} : rien n'a changé depuis la dernière construction, elle est reprise telle quelle (${pristine}).`);
  process.exit(0);
}

rmSync(pristine, { recursive: true, force: true });
const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
// A file edited while it built: the build may hold either version, so it gets no key.
if (key && buildKey() === key) {
  cpSync(dist, pristine, { recursive: true, filter: (source) => source !== path.join(dist, compilerCache) });
  writeFileSync(keyFile, key);
}
