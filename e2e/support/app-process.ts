import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { freePort } from "../../tests/support/free-port";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { e2eAuthSecret, e2eDistDir, testHooksToken } from "../../playwright.config";

/*
 * More production servers, started as production starts them (`npm start`, which runs
 * ops/server.mjs) from the build the browser tests already made, each on a database of its own
 * — so a test may stop one with a signal, cut its database, read its logs. Each keeps the pages
 * it rendered in its own memory (ops/cache-handler.mjs): none serves a page another server of the
 * build rendered (e2e/cache/own-pages.spec.ts).
 *
 * The database is of the run's kind: a new PostgreSQL database on the server of DATABASE_URL
 * when the run is on PostgreSQL, else a new embedded folder — each a copy of a template (below).
 */
const root = path.resolve(import.meta.dirname, "../..");
export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  /** DATABASE_URL or PGLITE_DIR for the server. */
  env: Record<string, string>;
  /** The database's address (PostgreSQL only), for a test that puts a proxy in front. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A new database named `name`: on PostgreSQL made by `create database <name> <clause>`, for the
 * embedded database a new folder that `fill` may fill. Both dropped by `drop()`.
 */
async function newDatabase(name: string, clause: string, fill?: (dir: string) => Promise<void>): Promise<TestDatabase> {
  if (onPostgres) {
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} ${clause}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      url: url.toString(),
      async drop() {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  await fill?.(path.join(dir, "db"));
  return {
    env: { PGLITE_DIR: path.join(dir, "db") },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const uniqueName = (label: string) => `psc_test_ops_${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let template: Promise<TestDatabase> | null = null;

/**
 * Creating and seeding a database is most of a server's first start (20–40 s on a busy 2-core
 * machine). So one is made per test worker — by the app itself: a server started on it, then
 * stopped with SIGTERM (exit 0: closed cleanly) — and each test gets a copy: `create database …
 * template …` on PostgreSQL, a copy of the closed folder for the embedded database.
 */
function templateDatabase(): Promise<TestDatabase> {
  template ??= (async () => {
    const database = await newDatabase(uniqueName("modele"), "");
    const app = await startApp(database);
    app.child.kill("SIGTERM");
    const code = await app.exited;
    if (code !== 0) throw new Error(`base modèle : arrêt en échec (${code}) :\n${app.output()}`);
    return database;
  })();
  return template;
}

/** Drops the worker's template database (after its tests). */
export async function dropTemplateDatabase(): Promise<void> {
  const done = template;
  template = null;
  if (done) await (await done).drop();
}

/** A new database, migrated and seeded with the demo data: a copy of the worker's template. */
export async function createDatabase(label: string): Promise<TestDatabase> {
  const source = await templateDatabase();
  const clause = source.url ? `template ${new URL(source.url).pathname.slice(1)}` : "";
  return newDatabase(uniqueName(label), clause, async (dir) => {
    await promisify(execFile)("cp", ["-R", source.env.PGLITE_DIR!, dir]);
  });
}

/**
 * A new database with nothing in it, not a copy of the template: the server started on it creates
 * it — with SEED_PLAN=0, an empty install waiting for another City's plan file (e2e/admin/plan-file.spec.ts).
 */
export function createEmptyDatabase(label: string): Promise<TestDatabase> {
  return newDatabase(uniqueName(label), "");
}

export interface AppProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** What it wrote on stderr (the logs go to stdout). */
  stderr(): string;
  /** Its JSON log lines (stdout), parsed; lines that are not JSON are kept as `{ text }`. */
  lines(): Record<string, unknown>[];
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** Runs `npm start` on a free port (or `port`) and waits until /api/sante answers 200. */
export async function startApp(database: TestDatabase, extraEnv: Record<string, string> = {}, fixedPort?: number): Promise<AppProcess> {
  const port = fixedPort ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: e2eDistDir,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: e2eAuthSecret,
    TEST_HOOKS_TOKEN: testHooksToken,
    SEED_DEMO_DATA: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...database.env,
    ...extraEnv,
  };
  if (!database.env.DATABASE_URL) delete env.DATABASE_URL;
  // No mail unless a test asks for it (the two-process test gives the test mail server).
  if (!extraEnv.SMTP_URL) delete env.SMTP_URL;
  // `npm start`, as documented: the signals the tests send go to npm, which must pass them on (the
  // script execs node: a shell in between would keep them, and the server would never stop).
  const child = spawn("npm", ["start", "--silent", "--", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stop() ends npm and the server whatever state they are in.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  let all = "";
  child.stdout!.on("data", (chunk: Buffer) => ((stdout += chunk.toString()), (all += chunk.toString())));
  child.stderr!.on("data", (chunk: Buffer) => ((stderr += chunk.toString()), (all += chunk.toString())));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const app: AppProcess = {
    child,
    base,
    port,
    output: () => all,
    stderr: () => stderr,
    lines: () =>
      stdout
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            return { text: line };
          }
        }),
    exited,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // the group has already ended
      }
      return exited;
    },
  };
  // The first start creates, migrates and seeds the database: up to a couple of minutes on a busy machine.
  if (await answersHealthCheck(base, child, 180_000, () => `le serveur s'est arrêté (${child.exitCode}) :\n${all}`)) return app;
  await app.stop();
  throw new Error(`pas de réponse en 180 s :\n${all}`);
}

/**
 * Polls `<base>/api/sante` until it answers 200 (true) or `ms` have passed (false) — an app process,
 * or nginx in front of them; if `child` exits first, throws with `exitMessage()`.
 */
export async function answersHealthCheck(base: string, child: ChildProcess, ms: number, exitMessage: () => string): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (child.exitCode !== null) throw new Error(exitMessage());
    const ok = await fetch(`${base}/api/sante`, { signal: AbortSignal.timeout(5_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * A TCP relay in front of a service (the database, Redis) that a test can cut and restore: cut, the
 * port refuses connections and the open ones are closed, as when the service goes down.
 */
export async function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  const port = await freePort();
  let server: net.Server | null = null;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  return {
    port,
    async cut() {
      const closing = new Promise((resolve) => server!.close(resolve));
      for (const s of sockets) s.destroy();
      await closing;
    },
    restore: open,
    close() {
      for (const s of sockets) s.destroy();
      server?.close();
    },
  };
}
