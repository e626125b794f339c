/*
 * `npx tsx --tsconfig scripts/bench/tsconfig.volume.json scripts/bench/explain.ts <database url> [reponses|tableau…]`:
 * PostgreSQL's plans (EXPLAIN ANALYZE, BUFFERS) of every statement that the server functions behind
 * /reponses and /tableau-de-bord send, on a database kept by `BENCH_VOLUME_KEEP=1 npm run bench:volume`,
 * and whether any of them reads the big tables (contributions, audit_log) sequentially.
 */
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Logger } from "drizzle-orm/logger";
import { sql } from "drizzle-orm";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { loadActor } from "@/server/auth/actor";
import { listAnswerableProposals } from "@/server/answers/list-answerable";
import { loadDashboard } from "@/server/dashboard/load-dashboard";
import { demoEmail } from "@/db/seed/plan-data";

const [url, ...only] = process.argv.slice(2);
if (!url) throw new Error("usage : explain.ts <DATABASE_URL> [reponses|tableau…]");
const client = postgres(url, { max: 4, onnotice: () => {} });
const captured: { query: string; params: unknown[] }[] = [];
let capturing = false;
const logger: Logger = {
  logQuery(query, params) {
    if (capturing) captured.push({ query, params });
  },
};
const db = drizzle(client, { schema, logger }) as unknown as Db;
const [user] = rowsOf<{ id: number; session_version: number }>(
  await db.execute(sql`select id, session_version from users where email = ${demoEmail("elu")}`),
);
const official = await loadActor(db, user!.id, user!.session_version);
const cases: Record<string, () => Promise<unknown>> = {
  reponses: () => listAnswerableProposals(db, official),
  "reponses?etat=en-retard": () => listAnswerableProposals(db, official, { state: "en-retard" }),
  "reponses?etat=repondues": () => listAnswerableProposals(db, official, { state: "repondues" }),
  "reponses?conseil": async () => {
    const [c] = rowsOf<{ id: number }>(await db.execute(sql`select id from councils order by id desc limit 1`));
    return listAnswerableProposals(db, official, { councilId: c!.id });
  },
  "reponses?fiche": async () => {
    const [a] = rowsOf<{ slug: string }>(await db.execute(sql`select slug from actions order by id limit 1`));
    return listAnswerableProposals(db, official, { actionSlug: a!.slug });
  },
  "reponses&apres": async () => {
    const first = await listAnswerableProposals(db, official);
    if (!first.ok) throw new Error("refusé");
    return listAnswerableProposals(db, official, {}, { after: first.data.nextAfter });
  },
  tableau: () => loadDashboard(db, official),
};
let seqScans = 0;
for (const [name, run] of Object.entries(cases)) {
  if (only.length > 0 && !only.some((w) => name.startsWith(w))) continue;
  await run();
  captured.length = 0;
  capturing = true;
  await run();
  capturing = false;
  console.log(`\n===== ${name} : ${captured.length} requêtes`);
  for (const { query, params } of captured) {
    if (!/^\s*select/i.test(query)) continue;
    const plan = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    const seq = /Seq Scan on (contributions|audit_log)/.test(text);
    if (seq) seqScans++;
    console.log(`\n--- ${query.slice(0, 160)}…\n${text}`);
  }
}
console.log(`\nlectures séquentielles de contributions / audit_log : ${seqScans}`);
await client.end({ timeout: 5 });
