import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { parseEnv } from "@/lib/env";

// A second process opening the same PGlite folder must be refused (two openers silently lose data).
// Asynchronous on purpose: a blocked event loop here would stop the lock's heartbeat and let the
// child take over a lock that only looks stale.
async function openFromAnotherProcess(dir: string) {
  const code = `
    const { openDatabase } = await import("./db/client.ts");
    const { parseEnv } = await import("./lib/env.ts");
    try { const d = await openDatabase(parseEnv({ PGLITE_DIR: ${JSON.stringify(dir)} })); await d.close(); console.log("OPENED"); }
    catch (e) { console.log("REFUSED:" + e.message); }`;
  const child = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "--input-type=module", "-e", code], {
    encoding: "utf8",
    timeout: 60_000,
  }).catch((error: { stdout?: string; stderr?: string }) => error);
  return `${child.stdout ?? ""}${child.stderr ?? ""}`;
}

describe("embedded database folder lock", () => {
  // Always PGlite, whichever database the rest of the suite uses.
  let root: string;
  let dir: string;
  let database: Database;
  beforeAll(() => {
    root = mkdtempSync(path.join(process.env.TEST_PGLITE_ROOT ?? tmpdir(), "psc-lock-"));
    dir = path.join(root, "db");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("refuses a second process with a clear message, and lets it in once the first has closed", async () => {
    database = await openDatabase(parseEnv({ PGLITE_DIR: dir }));
    const refused = await openFromAnotherProcess(dir);
    expect(refused).toContain("REFUSED:La base de données embarquée");
    expect(refused).toContain(`processus ${process.pid}`);
    await database.close();
    expect(await openFromAnotherProcess(dir)).toContain("OPENED");
  });
});
