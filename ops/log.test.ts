import { Writable } from "node:stream";
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
