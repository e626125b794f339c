/*
 * The app server's memory while it serves the open data (issue 13, docs/decisions/0014-open-data.md):
 * its resident set size (VmRSS in /proc/<pid>/status, Linux), sampled every 20 ms, before, during
 * and after each download. The first download of a file makes the server write it from the
 * database (both forms, 1,000 rows a query); the next ones stream it from disk. Bodies are read
 * as they come and counted, never kept, here too.
 *
 *   npx tsx scripts/bench/open-data-rss.ts --url=http://127.0.0.1:3301 --pid=<pid of next start> \
 *     contributions.csv contributions.json contributions.csv
 *
 * The server: `next start` on a database filled by `npm run bench:volume` with BENCH_VOLUME_KEEP=1
 * (docs/benchmark.md gives the whole sequence).
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const url = option("url");
const pid = Number(option("pid"));
const files = args.filter((a) => !a.startsWith("--"));
if (!url || !pid || files.length === 0) {
  console.error("usage : tsx scripts/bench/open-data-rss.ts --url=http://127.0.0.1:3301 --pid=<pid> fichier.csv [fichier.json …]");
  process.exit(2);
}

const rssMb = () => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
};
const round = (n: number) => Math.round(n * 10) / 10;

interface Step {
  file: string;
  status: number;
  mb: number;
  seconds: number;
  before: number;
  peak: number;
  after: number;
}

const steps: Step[] = [];
for (const file of files) {
  const before = rssMb();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
  const t0 = performance.now();
  const response = await fetch(`${url}/donnees/${file}`);
  let bytes = 0;
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) bytes += next.value.length;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  // The memory once the server is done (its garbage collector runs when it needs to, not at once).
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMb();
  peak = Math.max(peak, after);
  steps.push({
    file,
    status: response.status,
    mb: round(bytes / 1e6),
    seconds: round(seconds),
    before: round(before),
    peak: round(peak),
    after: round(after),
  });
  console.log(JSON.stringify(steps.at(-1)));
}

console.log("\n| téléchargement | statut | Mo reçus (décompressés) | durée (s) | RSS avant (Mo) | RSS max pendant (Mo) | RSS après (Mo) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const s of steps) console.log(`| ${s.file} | ${s.status} | ${s.mb} | ${s.seconds} | ${s.before} | ${s.peak} | ${s.after} |`);
