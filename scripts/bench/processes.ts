import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import net from "node:net";

/*
 * Child processes of the benchmark. Servers run in their own process group (a detached spawn is
 * a setsid), because `next start` forks a `next-server` child that outlives the npx pid: stopping
 * means signalling the whole group. Every group started here is registered, and `stopAll()` runs
 * on success, on error and on Ctrl-C.
 */

type Cleanup = () => Promise<void> | void;
const cleanups: { name: string; fn: Cleanup }[] = [];

/** Registers a cleanup step; steps run in reverse order of registration. */
export function onCleanup(name: string, fn: Cleanup): void {
  cleanups.push({ name, fn });
}

let cleaning: Promise<void> | undefined;
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      try {
        await step.fn();
      } catch (error) {
        console.error(`[bench] nettoyage « ${step.name} » : ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/*
 * One Ctrl-C may arrive several times: the terminal signals the whole foreground group and tsx
 * (and npm) relay the signal to this process as well. A default handler on the second one would
 * kill the process halfway through its cleanup, leaving servers behind; so every signal is
 * handled, and only a fourth one gives up on cleaning.
 */
let received = 0;
export function interrupted(): boolean {
  return received > 0;
}

export function installSignalHandlers(): void {
  const handler = (signal: NodeJS.Signals) => {
    received += 1;
    if (received === 1) {
      console.error(`\n[bench] ${signal} reçu : arrêt des serveurs et nettoyage…`);
      void runCleanups().finally(() => process.exit(130));
    } else if (received >= 4) {
      console.error("[bench] arrêt forcé : des serveurs peuvent rester lancés.");
      process.exit(130);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, handler);
}

export function hasCommand(cmd: string): boolean {
  if (cmd.includes("/")) return existsSync(cmd);
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

const canPin = hasCommand("taskset");
export const pinningAvailable = canPin;

/** `taskset -c <core> cmd args…` when taskset exists (and the core does), else the bare command. */
export function pinned(core: number | null, cmd: string, args: string[]): [string, string[]] {
  if (core === null || !canPin) return [cmd, args];
  return ["taskset", ["-c", String(core), cmd, ...args]];
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ServerProcess {
  child: ChildProcess;
  pgid: number;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts a command in its own process group, its output appended to `logFile`. */
export function startGroup(name: string, cmd: string, args: string[], options: SpawnOptions & { logFile: string }): ServerProcess {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(cmd, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  if (child.pid === undefined) throw new Error(`${name} : impossible de lancer ${cmd}`);
  const pgid = child.pid;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(-1));
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (groupAlive(pgid)) {
        try {
          process.kill(-pgid, "SIGTERM");
        } catch {
          // Already gone.
        }
        const deadline = Date.now() + 5_000;
        while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
        if (groupAlive(pgid)) {
          try {
            process.kill(-pgid, "SIGKILL");
          } catch {
            // Already gone.
          }
          while (groupAlive(pgid)) await sleep(50);
        }
      }
      log.end();
    })());
  onCleanup(`arrêt de ${name}`, stop);
  return { child, pgid, exited, stop };
}

/** Runs a command to completion in its own group (killed on Ctrl-C), output to a log file. */
export async function runToCompletion(
  name: string,
  cmd: string,
  args: string[],
  options: SpawnOptions & { logFile: string },
): Promise<number | null> {
  const proc = startGroup(name, cmd, args, options);
  const code = await proc.exited;
  await proc.stop();
  return code;
}

/** Runs a command in the foreground and collects its stdout (used for wrk / autocannon). */
export function capture(
  cmd: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
