import { mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import lockfile from "proper-lockfile";

export class EmbeddedDatabaseLockedError extends Error {
  readonly code = "EMBEDDED_DATABASE_LOCKED";
}

/*
 * PGlite does not lock its folder and two processes on one folder silently lose data, so exactly
 * one process may open it. The lock is a directory next to the data folder (proper-lockfile, its
 * mtime refreshed every 2 s), and beside it an owner file says who holds it: pid, host, boot, pid
 * namespace and the process's start time.
 *
 * A lock whose holder is gone must not keep the database closed (after `kill -9` the server would
 * restart, be refused, and never serve). So when the lock is taken:
 *  - holder on this machine (same host name, boot and pid namespace, so its pid means something
 *    here) and its process is gone, a zombie, or another process now has its pid (start time
 *    differs: pid reuse is common in containers) → the lock is taken over at once;
 *  - holder on this machine and alive → refused at once, with the message naming it;
 *  - holder elsewhere (the folder is shared with another host or container: its pid means nothing
 *    here) or unknown → wait until its lock is stale (not refreshed for 10 s, i.e. it stopped) and
 *    take it over, or refuse after a bounded wait (12 s).
 * Checking, taking over and writing the owner happen under a short second lock, so two processes
 * starting together cannot both take over.
 */
const STALE_MS = 10_000;
const UPDATE_MS = 2_000;
export const LOCK_WAIT_MS = STALE_MS + 2_000;
const POLL_MS = 250;

interface Owner {
  pid: number;
  hostname: string;
  bootId?: string;
  pidNamespace?: string;
  /** Start time of the process, in clock ticks since boot (/proc/<pid>/stat), Linux only. */
  startTime?: string;
  command: string;
  since: string;
}

type HolderState = "alive" | "dead" | "unknown";

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
};

function pidNamespace(): string | undefined {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return undefined;
  }
}

/** State letter and start time of a process from /proc (Linux), or null if there is no such process, undefined off Linux. */
function procStat(pid: number): { state: string; startTime: string } | null | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return readText("/proc/self/stat") === undefined ? undefined : null;
  // "pid (command) state ppid …": the command may hold spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "", startTime: fields[19] ?? "" };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function me(): Owner {
  return {
    pid: process.pid,
    hostname: hostname(),
    bootId: readText("/proc/sys/kernel/random/boot_id"),
    pidNamespace: pidNamespace(),
    startTime: procStat(process.pid)?.startTime,
    command: process.argv.slice(1, 3).join(" "),
    since: new Date().toISOString(),
  };
}

function readOwner(file: string): Owner | null {
  const text = readText(file);
  if (!text) return null;
  try {
    const owner = JSON.parse(text) as Owner;
    return Number.isInteger(owner.pid) && typeof owner.hostname === "string" ? owner : null;
  } catch {
    return null; // An owner file from an older version (plain text): unknown.
  }
}

const heldHere = ((globalThis as { __pscHeldLocks?: Set<string> }).__pscHeldLocks ??= new Set<string>());

/** Whether the recorded holder still runs — decidable only if its pid means something here. */
export function holderState(owner: Owner | null, lockPath: string, self: Owner = me()): HolderState {
  if (!owner) return "unknown";
  if (owner.hostname !== self.hostname || owner.bootId !== self.bootId || owner.pidNamespace !== self.pidNamespace) return "unknown";
  if (owner.pid === self.pid) {
    // Our own pid: either this very process holds it, or an earlier process that had our pid is gone.
    return heldHere.has(lockPath) ? "alive" : "dead";
  }
  const stat = procStat(owner.pid);
  if (stat === null) return "dead";
  if (stat === undefined) return processExists(owner.pid) ? "alive" : "dead";
  if (stat.state === "Z" || stat.state === "X") return "dead";
  if (owner.startTime && stat.startTime && owner.startTime !== stat.startTime) return "dead";
  return "alive";
}

function holderName(owner: Owner): string {
  const where = owner.hostname === hostname() ? "" : ` sur la machine ${owner.hostname}`;
  return `le processus ${owner.pid}${where} (${owner.command})`;
}

function lockedError(dir: string, owner: Owner | null, legacy: string | undefined): EmbeddedDatabaseLockedError {
  return new EmbeddedDatabaseLockedError(
    `La base de données embarquée « ${dir} » est déjà ouverte par ${owner ? holderName(owner) : (legacy ?? "un autre processus")}. ` +
      "Une seule application à la fois peut l'utiliser : arrêtez l'autre processus, " +
      "ou donnez un autre dossier avec PGLITE_DIR, ou utilisez PostgreSQL avec DATABASE_URL.",
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` under a short lock of its own, so that checking the holder and taking over is atomic between processes. */
async function underMutex<T>(dir: string, fn: () => T): Promise<T> {
  const release = await lockfile.lock(`${dir}.mutex`, {
    lockfilePath: `${dir}.mutex.lock`,
    realpath: false,
    stale: 5_000,
    retries: { retries: 100, minTimeout: 20, maxTimeout: 100 },
  });
  try {
    return fn();
  } finally {
    await release().catch(() => {});
  }
}

type Attempt = { release: () => void } | { state: HolderState; owner: Owner | null; legacy: string | undefined };

/**
 * Takes the folder's lock, or throws EmbeddedDatabaseLockedError (at once if the holder is alive on
 * this machine, after at most `waitMs` if it cannot be checked from here). Returns the function that
 * releases the lock. `log` says when a lock is taken over or waited for.
 */
export async function lockEmbeddedDatabase(
  dir: string,
  options: { waitMs?: number; log?: (message: string) => void } = {},
): Promise<() => void> {
  const { waitMs = LOCK_WAIT_MS, log = (message: string) => console.warn(message) } = options;
  mkdirSync(dir, { recursive: true });
  const lockPath = `${dir}.lock`;
  const ownerPath = `${dir}.owner`;
  const self = me();

  const take = (): (() => void) => {
    // proper-lockfile's own staleness is off (a day): whether a holder is gone is decided here,
    // by its pid when it can be checked — a live holder whose event loop stalled keeps its lock.
    const releaseLock = lockfile.lockSync(dir, { lockfilePath: lockPath, stale: 24 * 3600_000, update: UPDATE_MS, realpath: false });
    heldHere.add(lockPath);
    // Beside the lock, not inside it: writing inside would change the lock's mtime, which
    // proper-lockfile reads as a lock taken over by someone else. Written whole, then renamed.
    writeFileSync(`${ownerPath}.tmp-${process.pid}`, JSON.stringify(self));
    renameSync(`${ownerPath}.tmp-${process.pid}`, ownerPath);
    return () => {
      heldHere.delete(lockPath);
      if (readOwner(ownerPath)?.pid === self.pid) {
        try {
          unlinkSync(ownerPath);
        } catch {
          // Already gone.
        }
      }
      try {
        releaseLock();
      } catch {
        // Already released (or taken from us): nothing left to release.
      }
    };
  };

  const attempt = (): Attempt => {
    try {
      return { release: take() };
    } catch (error) {
      if ((error as { code?: string }).code !== "ELOCKED") throw error;
    }
    const owner = readOwner(ownerPath);
    const legacy = owner ? undefined : readText(ownerPath);
    let state = holderState(owner, lockPath, self);
    if (state === "unknown") {
      // Its pid means nothing here: it is gone if it stopped refreshing its lock.
      let age = 0;
      try {
        age = Date.now() - statSync(lockPath).mtimeMs;
      } catch {
        age = Infinity; // Released meanwhile.
      }
      if (age > STALE_MS) state = "dead";
    }
    if (state !== "dead") return { state, owner, legacy };
    log(
      `[base de données] « ${dir} » était verrouillée par ${owner ? holderName(owner) : "un processus inconnu"}, qui n'existe plus : verrou repris.`,
    );
    rmSync(lockPath, { recursive: true, force: true });
    return { release: take() };
  };

  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    const result = await underMutex(dir, attempt);
    if ("release" in result) return result.release;
    if (result.state === "alive" || Date.now() >= deadline) throw lockedError(dir, result.owner, result.legacy);
    if (!waiting) {
      waiting = true;
      log(
        `[base de données] « ${dir} » est verrouillée par ${result.owner ? holderName(result.owner) : "un processus inconnu"}, ` +
          `qu'on ne peut pas vérifier d'ici : attente (au plus ${Math.round(waitMs / 1000)} s) qu'il la libère ou que son verrou expire.`,
      );
    }
    await sleep(POLL_MS);
  }
}
