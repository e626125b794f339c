import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockEmbeddedDatabase } from "@/db/embedded-lock";
import { freePort } from "../support/free-port";

/*
 * The embedded database never leaves a zombie server: after `kill -9`, a server started again at
 * once takes over the lock of the dead process and serves, with every acknowledged write; a server
 * that cannot open the database exits non-zero and never listens. Real processes, real SIGKILL.
 */
const root = process.cwd();
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(process.env.TEST_PGLITE_ROOT ?? tmpdir(), "psc-takeover-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(dir: string, port: number): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir, SEED_DEMO_DATA: "0", NODE_ENV: "test" };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "tests/support/embedded-db-server.ts", String(port)],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function get(port: number, pathname: string, method = "GET"): Promise<Response | null> {
  try {
    return await fetch(`http://127.0.0.1:${port}${pathname}`, { method, signal: AbortSignal.timeout(5_000) });
  } catch {
    return null;
  }
}

/** Milliseconds until the server answers GET /ids, or throws after `limitMs`. */
async function waitUntilServing(port: number, limitMs: number, started: Started): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    const response = await get(port, "/ids");
    if (response?.ok) return Date.now() - t0;
    if (started.child.exitCode !== null) throw new Error(`le serveur s'est arrêté (${started.child.exitCode}) :\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pas de réponse en ${limitMs} ms :\n${started.output()}`);
}

const kill = (started: Started) => {
  if (started.child.exitCode === null) started.child.kill("SIGKILL");
  return started.exited;
};

describe("a server killed with SIGKILL, started again at once", () => {
  // Issue 9 asks for 15 s. The wait goes on to a minute so that a slow restart (CI runs this beside
  // other test files on 2 cores) fails with its real time rather than « no answer ».
  it("serves within 15 s, with every write acknowledged before the kill", { timeout: 300_000 }, async () => {
    const dir = path.join(work, "restart");
    const first = startServer(dir, await freePort());
    const firstPort = first.port;
    try {
      await waitUntilServing(firstPort, 240_000, first); // First start: creates and migrates the database.
      const acknowledged: number[] = [];
      let id = 0;
      // Writes keep going while the server is killed: the ones answered 200 must all survive.
      const writer = (async () => {
        for (;;) {
          const n = ++id;
          const response = await get(firstPort, `/write?id=${n}`, "POST");
          if (!response) return;
          if (response.ok) acknowledged.push(n);
        }
      })();
      while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
      first.child.kill("SIGKILL");
      await first.exited;
      await writer;

      const port = await freePort();
      const second = startServer(dir, port);
      try {
        const ms = await waitUntilServing(port, 60_000, second);
        console.log(`redémarré après kill -9 : sert en ${ms} ms, ${acknowledged.length} écritures acquittées avant`);
        expect(ms).toBeLessThan(15_000);
        expect(second.output()).toContain("qui n'existe plus : verrou repris");
        const ids = (await (await get(port, "/ids"))!.json()) as number[];
        expect(acknowledged.length).toBeGreaterThanOrEqual(40);
        expect(ids).toEqual(expect.arrayContaining(acknowledged));
      } finally {
        await kill(second);
      }
    } finally {
      await kill(first);
    }
  });

  it("a second server while the first one runs exits non-zero at once, naming it, and never listens", { timeout: 300_000 }, async () => {
    const dir = path.join(work, "second");
    const first = startServer(dir, await freePort());
    const firstPort = first.port;
    try {
      await waitUntilServing(firstPort, 240_000, first);
      const port = await freePort();
      const t0 = Date.now();
      const second = startServer(dir, port);
      // A zombie would never exit: give it a minute, then look at what it does.
      const code = await Promise.race([second.exited, new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 60_000))]);
      const stillListening = code === "running" ? (await get(port, "/ids"))?.status : undefined;
      await kill(second);
      expect(code, `toujours en marche, répond ${stillListening}:\n${second.output()}`).not.toBe("running");
      expect(code).not.toBe(0);
      expect(Date.now() - t0).toBeLessThan(60_000);
      expect(second.output()).toContain(`déjà ouverte par le processus ${first.child.pid}`);
      expect(second.output()).not.toContain("LISTENING");
      expect(await get(port, "/ids")).toBeNull();
      // The first one still serves.
      expect((await get(firstPort, "/ids"))?.ok).toBe(true);
    } finally {
      await kill(first);
    }
  });
});

describe("whose lock may be taken over", () => {
  const self = () => {
    const stat = readFileSync("/proc/self/stat", "utf8");
    return {
      hostname: hostname(),
      bootId: readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(),
      pidNamespace: readlinkSync("/proc/self/ns/pid"),
      startTime: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19],
    };
  };
  /** A lock left as another process would leave it: the lock directory and its owner file. */
  function leaveLock(dir: string, owner: Record<string, unknown>, ageMs = 0) {
    mkdirSync(dir, { recursive: true });
    mkdirSync(`${dir}.lock`);
    const when = new Date(Date.now() - ageMs);
    utimesSync(`${dir}.lock`, when, when);
    writeFileSync(`${dir}.owner`, JSON.stringify({ command: "test", since: when.toISOString(), ...owner }));
  }
  const quiet = { log: () => {} };
  const linux = (() => {
    try {
      readFileSync("/proc/self/stat");
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(linux)("a live process with the recorded pid but another start time (pid reused) does not hold it", async () => {
    const dir = path.join(work, "reused");
    const me = self();
    // This very test process's pid, as if an earlier process had had it: its start time differs.
    leaveLock(dir, { ...me, pid: process.pid, startTime: String(Number(me.startTime) - 1000) });
    const release = await lockEmbeddedDatabase(dir, quiet);
    release();
    // Another live process (the parent) recorded with a wrong start time: taken over too.
    leaveLock(path.join(work, "reused-2"), { ...me, pid: process.ppid, startTime: "1" });
    (await lockEmbeddedDatabase(path.join(work, "reused-2"), quiet))();
  });

  it.runIf(linux)("a live process on this machine holds it: refused at once", async () => {
    const dir = path.join(work, "alive");
    const stat = readFileSync(`/proc/${process.ppid}/stat`, "utf8");
    leaveLock(dir, { ...self(), pid: process.ppid, startTime: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] });
    const t0 = Date.now();
    await expect(lockEmbeddedDatabase(dir, quiet)).rejects.toThrow(`déjà ouverte par le processus ${process.ppid}`);
    // « At once » means without the bounded wait a holder on another machine gets (LOCK_WAIT_MS).
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("a holder on another machine is waited for: refused after the bounded wait while its lock is fresh", async () => {
    const dir = path.join(work, "elsewhere-fresh");
    leaveLock(dir, { pid: 4242, hostname: "autre-machine" });
    const t0 = Date.now();
    await expect(lockEmbeddedDatabase(dir, { ...quiet, waitMs: 1_000 })).rejects.toThrow("processus 4242 sur la machine autre-machine");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_000);
  });

  it("a holder on another machine whose lock stopped being refreshed (stale) is taken over", async () => {
    const dir = path.join(work, "elsewhere-stale");
    leaveLock(dir, { pid: 4242, hostname: "autre-machine" }, 30_000);
    (await lockEmbeddedDatabase(dir, { ...quiet, waitMs: 1_000 }))();
  });
});
