/*
 * Writing the open data's largest file in this process alone, with its memory: RSS and V8 heap
 * before, at their peak (sampled every 10 ms) and after (docs/decisions/0014-open-data.md). Run it
 * with the V8 heap capped to show that the export holds a batch, not the file: it completes
 * with `--max-old-space-size=48` for 100,000 rows (114 MB of CSV and JSON).
 *
 *   DATABASE_URL=postgres://…/psc_volume_… NODE_OPTIONS=--max-old-space-size=48 \
 *     npx tsx --tsconfig scripts/bench/tsconfig.volume.json scripts/bench/open-data-memory.ts [fichier]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isOpenDataFileName } from "@/lib/open-data/files";

const name = process.argv[2] ?? "contributions";
if (!isOpenDataFileName(name)) {
  console.error(`fichier inconnu : ${name}`);
  process.exit(2);
}
const { openDatabase } = await import("@/db/client");
const { writeOpenDataFile } = await import("@/server/open-data/write-file");
const database = await openDatabase();
const dir = mkdtempSync(path.join(tmpdir(), "psc-donnees-mesure-"));
const mb = (n: number) => Math.round(n / 1e5) / 10;
try {
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  const written = await writeOpenDataFile(database.db, name, dir);
  clearInterval(timer);
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      fichier: name,
      lignes: written.rows,
      mo_csv: mb(written.forms.csv.bytes),
      mo_json: mb(written.forms.json.bytes),
      secondes: Math.round(performance.now() - t0) / 1000,
      rss_avant: mb(before.rss),
      rss_max: mb(rssPeak),
      rss_apres: mb(after.rss),
      tas_avant: mb(before.heapUsed),
      tas_max: mb(heapPeak),
      tas_apres: mb(after.heapUsed),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
}
