import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
// vitest prints failures with Map.groupBy (Node 21+): loaded here, in the process that reports, so
// `npx vitest run` and `npm run test:unit` show failures on Node 20 instead of crashing.
import "./tests/support/node20-polyfills.mjs";

const root = import.meta.dirname;
const alias = {
  "@": root,
  "server-only": path.join(root, "tests/support/empty.ts"),
};

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, which leaves a
    // core idle (PGlite runs in the test's own thread) — at least 2.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "server/**/*.test.ts", "ops/**/*.test.ts", "tests/support/**/*.test.ts"],
          environment: "node",
          // Files share their worker's modules instead of a fresh one each: 12.5–14.5 s → 4.8–5.2 s
          // on 2 cores (2026-12-03, `npx vitest run --project unit`, twice each). These tests hold
          // no database and put back what they change (vi.unstubAllEnvs, vi.useRealTimers, the page
          // copies' listener); the integration files keep their isolation (a database each).
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Migrates and seeds the databases once; each test file gets a copy (tests/support/test-database.ts).
          globalSetup: ["tests/support/template-databases.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
