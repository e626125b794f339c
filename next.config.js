// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite resolves its WASM files from its own folder: bundling it breaks that (see STACK.md).
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile"],
  poweredByHeader: false,
  // Tests and the benchmark build into their own folders so they never clobber each other or `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The benchmark build adds one empty page (`*.bench.tsx`) as a baseline for shipped JS;
  // production builds never contain it.
  pageExtensions: process.env.BENCH_BUILD === "1" ? ["tsx", "ts", "bench.tsx"] : ["tsx", "ts"],
  // Only the browser tests' build sets E2E_SKIP_TYPECHECK (playwright.config.ts): `npm run typecheck`
  // checks types on its own, in CI before the tests. A normal `next build` always type-checks.
  typescript: { ignoreBuildErrors: process.env.E2E_SKIP_TYPECHECK === "1" },
  experimental: {
    // Static pages read the database while prerendering. With the embedded database only one
    // process may open its folder, so the build renders pages in a single worker.
    cpus: 1,
  },
};

export default nextConfig;
