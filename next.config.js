// @ts-check
import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Where rendered pages are cached: Next's own cache in this process, or Redis shared by every
  // process when REDIS_URL is set at start (ops/cache-handler.mjs, decision 0019).
  cacheHandler: fileURLToPath(new URL("./ops/cache-handler.mjs", import.meta.url)),
  // PGlite resolves its WASM files from its own folder: bundling it breaks that (see STACK.md).
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile"],
  poweredByHeader: false,
  // Addresses people tried before the open data existed (issue 13) lead to it: the fiches' file,
  // and the page that lists every file.
  async redirects() {
    return [
      { source: "/fiches.json", destination: "/donnees/fiches.json", permanent: true },
      { source: "/export.csv", destination: "/donnees", permanent: true },
    ];
  },
  // Tests and the benchmark build into their own folders so they never clobber each other or `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The benchmark build adds one empty page (`*.bench.tsx`) as a baseline for shipped JS;
  // production builds never contain it.
  // The browser tests' seams (`route.test-hook.ts`) exist only in a build made for the tests
  // (TEST_HOOKS_TOKEN set): a production build has no such route, whatever the method.
  pageExtensions: [
    "tsx",
    "ts",
    ...(process.env.BENCH_BUILD === "1" ? ["bench.tsx"] : []),
    ...(process.env.TEST_HOOKS_TOKEN ? ["test-hook.ts"] : []),
  ],
  // Only the browser tests' build sets E2E_SKIP_TYPECHECK (playwright.config.ts): `npm run typecheck`
  // checks types on its own, in CI before the tests. A normal `next build` always type-checks.
  typescript: { ignoreBuildErrors: process.env.E2E_SKIP_TYPECHECK === "1" },
  experimental: {
    // The uploads: a scan of a paper contribution or a plan file (5 MB at most each) and the form's
    // text; the proxy keeps 1 MB for every other address (server/http/request-guards.ts).
    serverActions: { bodySizeLimit: "6mb" },
    // The pages prerendered from data render against a throwaway in-memory database made by each
    // build worker (migrations and the plan's seed: seconds and a few hundred MB each; db/client.ts,
    // decision 0001): one worker is enough for the few pages concerned.
    cpus: 1,
  },
};

export default nextConfig;
