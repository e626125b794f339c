import { describe, expect, it } from "vitest";
import { databaseHosts, isLocalHost, nonLocalDatabaseMessage } from "./local-database-url";

describe("the browser tests' database must be on this machine", () => {
  it.each([
    "postgres://postgres@127.0.0.1:5432/postgres",
    "postgresql://postgres@localhost/test",
    "postgres://postgres@LOCALHOST:5433/test",
    "postgres://u:secret@127.1.2.3/db",
    "postgres://postgres@[::1]:5432/db",
    "postgres://postgres@%2Fvar%2Frun%2Fpostgresql/db",
    "postgres://postgres@/db",
    "postgres:///db",
    "postgres://postgres@127.0.0.1:5432,localhost:5433/db",
    "postgres://u:p%40ss@127.0.0.1/db",
  ])("accepts %s", (url) => {
    expect(nonLocalDatabaseMessage(url, {})).toBeNull();
  });

  it.each([
    ["postgres://postgres@db.example.org:5432/prod", "db.example.org"],
    ["postgres://postgres@10.0.0.5/db", "10.0.0.5"],
    ["postgres://postgres@128.0.0.1/db", "128.0.0.1"],
    ["postgres://postgres@127.0.0.1.example.org/db", "127.0.0.1.example.org"],
    ["postgres://postgres@localhost.example.org/db", "localhost.example.org"],
    ["postgres://postgres@[2001:db8::1]:5432/db", "2001:db8::1"],
    ["postgres://postgres@127.0.0.1,db.example.org/db", "db.example.org"],
    ["postgres://u:p@127.0.0.1@db.example.org/db", "db.example.org"],
  ])("refuses %s, naming %s, in French", (url, host) => {
    const message = nonLocalDatabaseMessage(url, {});
    expect(message).toContain("Tests navigateur refusés");
    expect(message).toContain(host);
  });

  it("with no host in the address, follows PGHOST as postgres.js does", () => {
    expect(nonLocalDatabaseMessage("postgres:///db", { PGHOST: "db.example.org" })).toContain("db.example.org");
    expect(nonLocalDatabaseMessage("postgres:///db", { PGHOST: "/var/run/postgresql" })).toBeNull();
  });

  it("has nothing to refuse without DATABASE_URL (the embedded database)", () => {
    expect(nonLocalDatabaseMessage(undefined, {})).toBeNull();
    expect(nonLocalDatabaseMessage("  ", {})).toBeNull();
  });

  it("reads each host of the address", () => {
    expect(databaseHosts("postgres://a@h1:1,[::1]:2,%2Ftmp%2Fsock/db", {})).toEqual(["h1", "::1", "/tmp/sock"]);
    expect(isLocalHost("::ffff:127.0.0.1")).toBe(true);
    expect(isLocalHost("127.0.0.256")).toBe(false);
    expect(isLocalHost("0.0.0.0")).toBe(false);
  });
});
