// Benchmark baseline: an empty page under the root layout. Only built when BENCH_BUILD=1
// (next.config.js adds the `bench.tsx` extension), so production builds never contain it.
// `npm run bench` subtracts its JavaScript from each public page's to show what a page adds.
export default function Page() {
  return null;
}
