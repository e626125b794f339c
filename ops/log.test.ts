import { spawn } from "node:child_process";
import { once } from "node:events";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createLogger, logLevel, requestContext, scrub } from "./log.mjs";
import { requestIdFrom, routeMatcher } from "./request-log.mjs";

/** A logger writing into an array of parsed lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ destination, level: "info" }) };
}

describe("log lines", () => {
  it("mask e-mail addresses and connection credentials in messages, objects and errors", () => {
    const { lines, log } = capture();
    log.info({ to: "Marie.Dupont+psc@exemple.fr", nested: { list: ["x@y.org"] } }, "envoi à marie.dupont@exemple.fr");
    const error = Object.assign(new Error("550 <jean@mairie-aurillac.fr> refusé"), {
      code: "EENVELOPE",
      rejected: ["jean@mairie-aurillac.fr"],
      detail: "Key (email)=(jean@mairie-aurillac.fr) already exists.",
    });
    error.cause = new Error("connect postgres://psc:motdepasse@db.interne:5432/psc");
    log.error({ err: error }, "échec");
    const text = JSON.stringify(lines);
    for (const secret of ["Marie.Dupont", "marie.dupont", "x@y.org", "jean@", "motdepasse"]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ msg: "envoi à [adresse masquée]", to: "[adresse masquée]" });
    // Errors keep what an operator needs, not the fields where drivers put values.
    expect(lines[1]!.err).toMatchObject({ type: "Error", code: "EENVELOPE", message: "550 <[adresse masquée]> refusé" });
    expect(Object.keys(lines[1]!.err as object).sort()).toEqual(["cause", "code", "message", "stack", "type"]);
  });

  it("carry the request id of the request being served", () => {
    const { lines, log } = capture();
    requestContext().run({ reqId: "req-123456789" }, () => log.info("dans la requête"));
    log.info("hors requête");
    expect(lines[0]).toMatchObject({ reqId: "req-123456789", msg: "dans la requête", level: "info" });
    expect(lines[1]).not.toHaveProperty("reqId");
  });

  it("refuse an unknown LOG_LEVEL with a French message", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("debug")).toBe("debug");
    expect(() => logLevel("bavard")).toThrow("LOG_LEVEL : doit valoir");
  });

  it("scrub leaves ordinary text alone", () => {
    expect(scrub("[base de données] prête (PostgreSQL) à 10:32")).toBe("[base de données] prête (PostgreSQL) à 10:32");
  });
});

/**
 * A node process that logs onto its stdout, a pipe this test reads only when told: `script` runs
 * with `createLogger` and `stdoutDestination` in scope, after `process.stdout` was touched, as Next
 * does (which makes the pipe non-blocking). Returns its parsed lines and what it wrote on stderr.
 */
async function loggingProcess(script: string, readAfter: "now" | "stderr") {
  const logModule = pathToFileURL(`${import.meta.dirname}/log.mjs`).href;
  const code = `import { createLogger, stdoutDestination } from ${JSON.stringify(logModule)};\nprocess.stdout;\n${script}`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "info" },
  });
  let stderr = "";
  const chunks: Buffer[] = [];
  const read = () => child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk)).resume();
  if (readAfter === "now") read();
  else child.stdout.pause();
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    // The child says it went on while its stdout was full: now the test reads.
    if (readAfter === "stderr" && stderr.includes("servi")) read();
  });
  const [exitCode] = (await once(child, "close")) as [number];
  const lines = Buffer.concat(chunks)
    .toString()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { exitCode, lines, stderr };
}

describe("standard output", () => {
  // 5,000 lines of ~230 bytes: more than a pipe and the reader's buffer hold (64 KB each). A
  // synchronous destination slept 100 ms per line once the pipe was full: the child would have
  // needed minutes to reach « servi », and the test would time out.
  it("never holds the process up while its reader lags, and loses no line it can keep", async () => {
    const { exitCode, lines, stderr } = await loggingProcess(
      `const log = createLogger();
       for (let i = 0; i < 5000; i++) log.info({ i, pad: "x".repeat(150) }, "ligne");
       process.stderr.write("servi\\n");`,
      "stderr",
    );
    expect(stderr).toContain("servi");
    expect(exitCode).toBe(0);
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  }, 20_000);

  it("drops what does not fit in its bound, then says how many lines it dropped", async () => {
    const { lines } = await loggingProcess(
      `const log = createLogger({ destination: stdoutDestination({ pendingMaxBytes: 64 * 1024 }), dropReportMs: 300 });
       for (let i = 0; i < 5000; i++) log.info({ i, pad: "x".repeat(150) }, "ligne");
       process.stderr.write("servi\\n");
       setTimeout(() => {}, 1000);`,
      "stderr",
    );
    const kept = lines.filter((l) => l.msg === "ligne");
    const report = lines.find((l) => typeof l.droppedLines === "number");
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(5000);
    // Every line is whole, and the report counts exactly the ones that are missing.
    expect(report).toMatchObject({ level: "warn", droppedLines: 5000 - kept.length });
    expect(report!.msg).toContain("ligne(s) du journal perdue(s)");
  }, 20_000);

  it("writes the last line before an exit", async () => {
    const { exitCode, lines } = await loggingProcess(
      `const log = createLogger();
       log.fatal({}, "arrêt sur erreur");
       process.exit(3);`,
      "now",
    );
    expect(exitCode).toBe(3);
    expect(lines).toEqual([expect.objectContaining({ level: "fatal", msg: "arrêt sur erreur" })]);
  });
});

describe("request id", () => {
  it("keeps a sane incoming id and replaces anything else", () => {
    expect(requestIdFrom("5f0c2a9e8b7d4c3a")).toBe("5f0c2a9e8b7d4c3a");
    expect(requestIdFrom("lb:7f3a-9c21.0001")).toBe("lb:7f3a-9c21.0001");
    for (const bad of [undefined, "", "court", "a b c d e f g h", "<script>", "x".repeat(129), "-commence-par-un-tiret", "é".repeat(10)]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(["premier-id-0001", "second"])).toBe("premier-id-0001");
  });
});

describe("route of a path", () => {
  const routeOf = routeMatcher({
    staticRoutes: [
      { page: "/", regex: "^/(?:/)?$" },
      { page: "/api/sante", regex: "^/api/sante(?:/)?$" },
    ],
    dynamicRoutes: [
      { page: "/fiches/[slug]", regex: "^/fiches/([^/]+?)(?:/)?$" },
      { page: "/invitation/[token]", regex: "^/invitation/([^/]+?)(?:/)?$" },
    ],
  });
  it("is the route's pattern, never the path", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/sante/")).toBe("/api/sante");
    expect(routeOf("/fiches/soutien-parentalite")).toBe("/fiches/[slug]");
    expect(routeOf("/fiches/soutien-parentalite.rsc")).toBe("/fiches/[slug]");
    expect(routeOf("/invitation/jeton-secret")).toBe("/invitation/[token]");
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(routeOf("/nimporte/quoi/marie@exemple.fr")).toBe("(aucune)");
  });
});
