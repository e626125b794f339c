import { describe, expect, it } from "vitest";
import { parseEnv, shouldSeedDemoData, shouldSeedPlan } from "./env";

describe("environment", () => {
  it("defaults to the embedded database in .data/pglite", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe(".data/pglite");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the wrong variable and says what is expected, in French", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL : doit être une adresse PostgreSQL/);
    expect(() => parseEnv({ SEED_DEMO_DATA: "oui" })).toThrow(/SEED_DEMO_DATA : doit valoir 1, 0, true ou false/);
    expect(() => parseEnv({ TEST_HOOKS_TOKEN: "court" })).toThrow(/TEST_HOOKS_TOKEN : doit faire au moins 32 caractères/);
  });

  it("seeds demo data outside production unless told otherwise", () => {
    expect(shouldSeedDemoData(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(shouldSeedDemoData(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ NODE_ENV: "production", SEED_DEMO_DATA: "1" }))).toBe(true);
    expect(shouldSeedDemoData(parseEnv({ NODE_ENV: "development", SEED_DEMO_DATA: "false" }))).toBe(false);
  });

  it("seeds the source's plan in any mode, unless SEED_PLAN=0 asks for an empty install", () => {
    expect(shouldSeedPlan(parseEnv({ NODE_ENV: "production" }))).toBe(true);
    expect(shouldSeedPlan(parseEnv({ NODE_ENV: "production", SEED_PLAN: "0" }))).toBe(false);
    expect(shouldSeedPlan(parseEnv({ SEED_PLAN: "false" }))).toBe(false);
    expect(() => parseEnv({ SEED_PLAN: "non" })).toThrow(/SEED_PLAN : doit valoir 1, 0, true ou false/);
  });
});

describe("auth secret", () => {
  it("is required in production, with a message that says how to make one", async () => {
    const { authSecret } = await import("./env");
    expect(() => authSecret(parseEnv({ NODE_ENV: "production" }))).toThrow(/NEXTAUTH_SECRET : obligatoire en production/);
    expect(authSecret(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }))).toBe("x".repeat(32));
    expect(authSecret(parseEnv({ NODE_ENV: "development" }))).toMatch(/developpement/);
  });
});
