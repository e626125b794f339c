import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type { Env } from "@/lib/env";
import { openDatabase, pgliteExtensions, type Database } from "./client";
import { EmbeddedDatabaseLockedError, lockEmbeddedDatabase } from "./embedded-lock";
import { rowsOf } from "./rows";

/*
 * `npm run db:backup -- <fichier>` and `npm run db:restore -- <fichier> [--force]`
 * (docs/deploiement.md, docs/decisions/0018-operations.md).
 *
 * PostgreSQL (DATABASE_URL): pg_dump's custom format, restored in ONE transaction (the old schema
 * dropped and the dump loaded by psql --single-transaction): a restore that fails leaves the
 * database as it was. The connection's password goes to pg_dump/psql in their environment, never
 * on their command line (visible to every user in `ps`).
 *
 * Embedded database (PGLITE_DIR): PGlite's own dump of its data folder (a .tar.gz), made through
 * a PGlite instance — so it is consistent: nothing else writes the folder meanwhile. Either this
 * process opens the folder (the app is stopped: it takes the folder's lock), or the app holds the
 * lock and makes the dump itself: this process asks it with SIGUSR2 (the app's handler, installed
 * at start by `installHotBackup`, dumps through its own instance between two queries). Restoring
 * needs the app stopped; the new folder is loaded beside the old one, then swapped in.
 *
 * Restoring over a database that holds anything is refused without `--force`.
 */

const PG_DUMP_MAGIC = "PGDMP";
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** The longest a running app is waited for to write a hot backup. */
const HOT_BACKUP_WAIT_MS = 120_000;

export class BackupError extends Error {}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** libpq's environment for a postgres:// address: host, port, user, password, database, TLS. */
export function libpqEnv(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const out: Record<string, string> = {};
  const host = url.searchParams.get("host") ?? url.hostname;
  if (host) out.PGHOST = decodeURIComponent(host);
  if (url.port) out.PGPORT = url.port;
  if (url.username) out.PGUSER = decodeURIComponent(url.username);
  if (url.password) out.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (database) out.PGDATABASE = database;
  const sslmode = url.searchParams.get("sslmode") ?? (url.searchParams.get("ssl") === "true" ? "require" : url.searchParams.get("ssl"));
  if (sslmode) out.PGSSLMODE = sslmode;
  return out;
}

interface Ran {
  code: number;
  stderr: string;
}

function missingTool(tool: string): BackupError {
  return new BackupError(
    `${tool} introuvable : installez les outils clients de PostgreSQL, de la même version que le serveur ou plus récente (Debian : apt-get install postgresql-client).`,
  );
}

/** Runs a PostgreSQL client tool with the connection in its environment; `stdin` is fed to it if given. */
function runTool(tool: string, args: string[], databaseUrl: string, stdin?: (input: NodeJS.WritableStream) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env: { ...process.env, ...libpqEnv(databaseUrl), PGAPPNAME: "psc-sauvegarde" },
      stdio: [stdin ? "pipe" : "ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? missingTool(tool) : error));
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stderr }));
    if (stdin) stdin(child.stdin!);
  });
}

/** What empties a PostgreSQL database of the app before a forced restore or copy: its two schemas. */
export const DROP_APP_SCHEMAS = ["drop schema if exists drizzle cascade", "drop schema if exists public cascade", "create schema public"];

/** Whether a PostgreSQL database holds none of the app's tables (a restore or a copy may then go ahead). */
export async function postgresIsEmpty(database: Database): Promise<boolean> {
  const result = await database.db.execute(
    sql`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
  );
  return Number(rowsOf<{ n: number }>(result)[0]?.n) === 0;
}

async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  const partial = `${file}.partiel`;
  const ran = await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], databaseUrl);
  if (ran.code !== 0) {
    rmSync(partial, { force: true });
    throw new BackupError(`pg_dump a échoué (code ${ran.code}) :\n${ran.stderr.trim()}`);
  }
  renameSync(partial, file);
}

async function restorePostgres(e: Env, file: string, force: boolean): Promise<void> {
  const databaseUrl = e.DATABASE_URL!;
  const database = await openDatabase(e);
  try {
    if (!force && !(await postgresIsEmpty(database))) {
      throw new BackupError(
        "La base PostgreSQL n'est pas vide : la restauration remplacerait tout ce qu'elle contient. Relancez avec --force pour la remplacer (arrêtez d'abord l'application).",
      );
    }
  } finally {
    await database.close();
  }
  // pg_restore turns the dump into SQL; psql runs it after the drop, all in one transaction.
  const restore = spawn("pg_restore", ["--no-owner", "--no-privileges", "--file=-", file], { stdio: ["ignore", "pipe", "pipe"] });
  let restoreErr = "";
  restore.stderr.on("data", (chunk: Buffer) => (restoreErr += chunk.toString()));
  const restoreExit = new Promise<number>((resolve, reject) => {
    restore.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? missingTool("pg_restore") : error));
    restore.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  const loaded = runTool(
    "psql",
    ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--file=-"],
    databaseUrl,
    (input) => {
      input.write(`${DROP_APP_SCHEMAS.join(";\n")};\n`);
      restore.stdout.pipe(input);
    },
  );
  const [restoreCode, psql] = await Promise.all([restoreExit, loaded]);
  if (restoreCode !== 0) throw new BackupError(`pg_restore a échoué (code ${restoreCode}), la base est inchangée :\n${restoreErr.trim()}`);
  if (psql.code !== 0) throw new BackupError(`La restauration a échoué, la base est inchangée :\n${psql.stderr.trim()}`);
}

// ---------------------------------------------------------------------------------------------
// Embedded database (PGlite)

const requestFileOf = (dir: string) => `${dir}.sauvegarde-demandee.json`;
const hotBackupPidFileOf = (dir: string) => `${dir}.sauvegarde-a-chaud.pid`;

/** Writes PGlite's dump of its data folder (gzip tarball) to `file`, through a temporary name. */
async function writeDump(client: PGlite, file: string): Promise<void> {
  // Not needed for consistency (the dump is taken between two queries: at worst what a crash
  // leaves, which PostgreSQL recovers on opening), but the restored folder then opens faster.
  await client.query("checkpoint");
  const dump = await client.dumpDataDir("gzip");
  const partial = `${file}.partiel`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

/**
 * In the running app (instrumentation.ts), embedded database only: on SIGUSR2, writes the backup
 * asked for in `<dossier>.sauvegarde-demandee.json` through the app's own PGlite instance.
 * Returns the function that uninstalls it (at shutdown).
 */
export function installHotBackup(database: Database, pgliteDir: string): () => void {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), pgliteDir);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const pidFile = hotBackupPidFileOf(dir);
  const onSignal = () => {
    void (async () => {
      let target: string | undefined;
      try {
        target = (JSON.parse(readFileSync(requestFileOf(dir), "utf8")) as { file: string }).file;
        await writeDump(client, target);
        console.log("[sauvegarde] base embarquée sauvegardée à chaud");
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[sauvegarde] sauvegarde à chaud impossible : ${message}`);
        if (target) writeFileSync(`${target}.erreur`, message);
      }
    })();
  };
  process.on("SIGUSR2", onSignal);
  // Tells the backup command that this process answers SIGUSR2 (any other would be killed by it).
  writeFileSync(pidFile, String(process.pid));
  return () => {
    process.off("SIGUSR2", onSignal);
    rmSync(pidFile, { force: true });
  };
}

function holderPid(dir: string): number | null {
  try {
    return Number((JSON.parse(readFileSync(`${dir}.owner`, "utf8")) as { pid: number }).pid);
  } catch {
    return null;
  }
}

/** The running app holds the folder: ask it for the dump and wait for the file (or its error). */
async function hotBackupPglite(dir: string, file: string, locked: EmbeddedDatabaseLockedError): Promise<void> {
  const pid = holderPid(dir);
  const answering = existsSync(hotBackupPidFileOf(dir)) ? Number(readFileSync(hotBackupPidFileOf(dir), "utf8")) : null;
  if (!pid || pid !== answering) {
    throw new BackupError(`${locked.message}\nCe processus ne fait pas de sauvegarde à chaud : arrêtez-le le temps de la sauvegarde.`);
  }
  const request = requestFileOf(dir);
  if (existsSync(request) && Date.now() - statSync(request).mtimeMs < HOT_BACKUP_WAIT_MS) {
    throw new BackupError("Une sauvegarde de la base embarquée est déjà en cours : attendez qu'elle se termine.");
  }
  rmSync(file, { force: true });
  rmSync(`${file}.erreur`, { force: true });
  writeFileSync(request, JSON.stringify({ file }));
  try {
    process.kill(pid, "SIGUSR2");
    const t0 = Date.now();
    while (Date.now() - t0 < HOT_BACKUP_WAIT_MS) {
      if (existsSync(file)) return;
      if (existsSync(`${file}.erreur`)) {
        const message = readFileSync(`${file}.erreur`, "utf8");
        unlinkSync(`${file}.erreur`);
        throw new BackupError(`L'application n'a pas pu faire la sauvegarde : ${message}`);
      }
      await sleep(100);
    }
    throw new BackupError(`L'application (processus ${pid}) n'a pas écrit la sauvegarde en ${HOT_BACKUP_WAIT_MS / 1000} s.`);
  } finally {
    rmSync(request, { force: true });
  }
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(dir, { extensions: await pgliteExtensions(), ...(loadDataDir ? { loadDataDir } : {}) });
  await client.waitReady;
  return client;
}

async function backupPglite(dir: string, file: string): Promise<"à froid" | "à chaud"> {
  if (!existsSync(path.join(dir, "PG_VERSION"))) throw new BackupError(`Aucune base embarquée dans ${dir} : rien à sauvegarder.`);
  let release: () => void;
  try {
    release = await lockEmbeddedDatabase(dir, { waitMs: 0, log: () => {} });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseLockedError)) throw error;
    await hotBackupPglite(dir, file, error);
    return "à chaud";
  }
  try {
    const client = await openPglite(dir);
    try {
      await writeDump(client, file);
    } finally {
      await client.close();
    }
    return "à froid";
  } finally {
    release();
  }
}

async function restorePglite(dir: string, file: string, force: boolean): Promise<void> {
  const exists = existsSync(dir) && readdirSync(dir).length > 0;
  if (exists && !force) {
    throw new BackupError(
      `La base embarquée ${dir} n'est pas vide : la restauration remplacerait tout ce qu'elle contient. Relancez avec --force pour la remplacer (l'application doit être arrêtée).`,
    );
  }
  let release: () => void;
  try {
    release = await lockEmbeddedDatabase(dir, { waitMs: 0, log: () => {} });
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) {
      throw new BackupError(`${error.message}\nArrêtez l'application avant de restaurer sa base.`);
    }
    throw error;
  }
  const fresh = `${dir}.restauration`;
  const old = `${dir}.avant-restauration`;
  try {
    rmSync(fresh, { recursive: true, force: true });
    // Loaded beside the folder, checked, then swapped in: a failed load leaves the old folder as it was.
    const client = await openPglite(fresh, new Blob([await readFile(file)]));
    try {
      await client.query("select 1");
    } finally {
      await client.close();
    }
    rmSync(old, { recursive: true, force: true });
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(fresh, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

// ---------------------------------------------------------------------------------------------

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): "postgres" | "pglite" {
  if (!existsSync(file)) throw new BackupError(`Fichier de sauvegarde introuvable : ${file}`);
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString("latin1") === PG_DUMP_MAGIC) return "postgres";
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return "pglite";
  throw new BackupError(`${file} n'est pas une sauvegarde de l'application (ni pg_dump, ni base embarquée).`);
}

export async function backupDatabase(e: Env, file: string): Promise<string> {
  const target = path.resolve(file);
  if (e.DATABASE_URL) {
    await backupPostgres(e.DATABASE_URL, target);
    return `PostgreSQL sauvegardée dans ${target} (pg_dump, format custom)`;
  }
  const dir = path.resolve(e.PGLITE_DIR);
  const how = await backupPglite(dir, target);
  return `Base embarquée ${dir} sauvegardée ${how} dans ${target}`;
}

export async function restoreDatabase(e: Env, file: string, options: { force: boolean }): Promise<string> {
  const source = path.resolve(file);
  const kind = backupKind(source);
  if (e.DATABASE_URL) {
    if (kind !== "postgres") {
      throw new BackupError(
        "Cette sauvegarde vient de la base embarquée : restaurez-la dans une base embarquée (PGLITE_DIR, sans DATABASE_URL), puis copiez celle-ci vers PostgreSQL avec npm run db:copy-to-postgres.",
      );
    }
    await restorePostgres(e, source, options.force);
    return `PostgreSQL restaurée depuis ${source}`;
  }
  if (kind !== "pglite") {
    throw new BackupError(
      "Cette sauvegarde vient de PostgreSQL (pg_dump) : restaurez-la avec DATABASE_URL donnant la base PostgreSQL cible.",
    );
  }
  const dir = path.resolve(e.PGLITE_DIR);
  await restorePglite(dir, source, options.force);
  return `Base embarquée ${dir} restaurée depuis ${source}`;
}
