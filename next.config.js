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
  experimental: {
    // Static pages read the database while prerendering. With the embedded database only one
    // process may open its folder, so the build renders pages in a single worker.
    cpus: 1,
  },
};

export default nextConfig;
