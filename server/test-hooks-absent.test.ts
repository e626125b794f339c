import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

/*
 * The browser tests' seams must not exist in a production build: not « 405 Method Not Allowed »
 * (which tells an attacker the route is there), but no route at all — 404 to every method.
 */
const root = path.resolve(import.meta.dirname, "..");

async function pageExtensions(testHooksToken: string | undefined): Promise<string[]> {
  vi.stubEnv("TEST_HOOKS_TOKEN", testHooksToken ?? "");
  if (testHooksToken === undefined) delete process.env.TEST_HOOKS_TOKEN;
  vi.resetModules();
  const config = (await import("../next.config.js")) as { default: { pageExtensions: string[] } };
  return config.default.pageExtensions;
}

afterEach(() => vi.unstubAllEnvs());

describe("test hooks are absent from production builds", () => {
  it("a build without TEST_HOOKS_TOKEN does not compile route.test-hook.ts files; a test build does", async () => {
    expect(await pageExtensions(undefined)).not.toContain("test-hook.ts");
    expect(await pageExtensions("e2e-test-hooks-token-0123456789abcdef")).toContain("test-hook.ts");
  });

  it("every route under app/api/test-hooks is a route.test-hook.ts file", () => {
    const routes = (readdirSync(path.join(root, "app/api/test-hooks"), { recursive: true }) as string[]).filter((f) =>
      /(^|\/)route\./.test(f),
    );
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(path.basename(route)).toBe("route.test-hook.ts");
  });
});
