import { existsSync } from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createClient } from "redis";
import { buildPgliteDir, testHooksToken } from "../../playwright.config";
import { attemptSignIn, ownLoopbackAddress } from "../auth/credentials-client";
import {
  createDatabase,
  dropTemplateDatabase,
  onPostgres,
  relay,
  startApp,
  type AppProcess,
  type TestDatabase,
} from "../support/app-process";
import { DEMO_PASSWORD, demo } from "../support/auth";

/*
 * Issue 16, « Operations »: the production server (`npm start` → ops/server.mjs) as the City's IT
 * team runs it — its health check, its JSON logs, and SIGTERM. Real processes started from the
 * browser tests' build, each on a new database of the run's kind; real Redis, real signals.
 */
const redisTarget = (() => {
  const url = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
  return { host: url.hostname, port: Number(url.port || 6379) };
})();

const hookHeaders = { "x-test-hooks-token": testHooksToken, "content-type": "application/json" };

async function health(app: AppProcess) {
  const response = await fetch(`${app.base}/api/sante`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

function slowWrite(app: AppProcess, marker: string, holdMs: number) {
  return fetch(`${app.base}/api/test-hooks/slow-write`, {
    method: "POST",
    headers: hookHeaders,
    body: JSON.stringify({ marker, holdMs }),
  });
}

async function rowsWritten(app: AppProcess, marker: string): Promise<number> {
  const response = await fetch(`${app.base}/api/test-hooks/slow-write?marker=${encodeURIComponent(marker)}`, { headers: hookHeaders });
  return ((await response.json()) as { rows: number }).rows;
}

/** Waits until `predicate` holds on the process's log lines (the access line is written when a response ends). */
async function logged(app: AppProcess, predicate: (line: Record<string, unknown>) => boolean) {
  await expect.poll(() => app.lines().some(predicate), { timeout: 10_000 }).toBe(true);
  return app.lines().find(predicate)!;
}

const withinMs = (promise: Promise<number | null>, ms: number) =>
  Promise.race([promise, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), ms))]);

test("the build opened no database: the embedded folder it was given does not exist", () => {
  // playwright.config.ts builds with DATABASE_URL and NEXTAUTH_SECRET unset and PGLITE_DIR set to
  // this folder; every server of these tests then runs that build against a database of its own.
  expect(existsSync(buildPgliteDir)).toBe(false);
});

test.describe("the production server", () => {
  // Each test starts its own servers; the first test of a worker also makes the template database.
  test.describe.configure({ timeout: 300_000 });
  const apps: AppProcess[] = [];
  const databases: TestDatabase[] = [];
  const newDatabase = async (label: string) => {
    const database = await createDatabase(label);
    databases.push(database);
    return database;
  };
  test.afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });
  test.afterAll(() => dropTemplateDatabase());

  test("GET /api/sante: 200 with its database and Redis, 503 with a short reason without them", async () => {
    const database = await newDatabase("sante");
    const redis = await relay(redisTarget);
    // On PostgreSQL the database is reached through a relay too, so that the test can cut it.
    const db = onPostgres
      ? await relay({ host: new URL(database.url!).hostname, port: Number(new URL(database.url!).port || 5432) })
      : null;
    try {
      const env: Record<string, string> = { REDIS_URL: `redis://127.0.0.1:${redis.port}` };
      if (db) {
        const url = new URL(database.url!);
        url.host = `127.0.0.1:${db.port}`;
        env.DATABASE_URL = url.toString();
      }
      const app = await startApp(database, env);
      apps.push(app);
      expect(await health(app)).toEqual({ status: 200, body: { statut: "ok", base: "ok", redis: "ok" } });

      await redis.cut();
      expect(await health(app)).toEqual({ status: 503, body: { statut: "indisponible", base: "ok", redis: "injoignable" } });
      await redis.restore();
      expect((await health(app)).status).toBe(200);

      if (db) {
        await db.cut();
        expect(await health(app)).toEqual({ status: 503, body: { statut: "indisponible", base: "injoignable", redis: "ok" } });
        await db.restore();
        // The pool reconnects by itself: healthy again without a restart.
        await expect.poll(async () => (await health(app)).status, { timeout: 15_000 }).toBe(200);
      }
      // Nothing but those few words: no version, no host, no error text.
      const raw = await (await fetch(`${app.base}/api/sante`)).text();
      expect(raw).not.toMatch(/\d+\.\d+|127\.0\.0\.1|postgres|error|erreur/i);
    } finally {
      redis.close();
      db?.close();
    }
  });

  test("Redis down: the pages are still served, rendered from the database, with an error in the logs; back, it is used again", async () => {
    const database = await newDatabase("redis_coupe");
    const redis = await relay(redisTarget);
    const prefix = `psc-test-${Date.now().toString(36)}`;
    const app = await startApp(database, { REDIS_URL: `redis://127.0.0.1:${redis.port}`, REDIS_PREFIX: prefix });
    apps.push(app);
    const fiche = "/fiches/pilotage-projet-social";
    const approve = async () => {
      const form = new FormData();
      form.set("actionSlug", "pilotage-projet-social");
      const response = await fetch(`${app.base}/api/test-hooks/approvals`, {
        method: "POST",
        headers: { "x-test-hooks-token": testHooksToken },
        body: form,
      });
      expect(response.status).toBe(201);
      const result = (await response.json()) as { ok: boolean; body: string };
      expect(result.ok).toBe(true);
      // Its time, which the page prints as is (the apostrophe of the text is escaped in HTML).
      return result.body.match(/\((.+)\)/)![1]!;
    };
    const page = async () => {
      const response = await fetch(`${app.base}${fiche}`);
      return { status: response.status, cache: response.headers.get("x-nextjs-cache"), html: await response.text() };
    };
    try {
      // Served from Redis: the page's entry is there, under the prefix and the build's id. The render
      // is stored once its answer is sent: a request right after it may still be a MISS (seen on
      // a loaded machine), so the page is asked again until it comes from the cache.
      await page();
      await expect.poll(async () => (await page()).cache, { timeout: 15_000 }).toBe("HIT");
      const direct = createClient({ url: `redis://${redisTarget.host}:${redisTarget.port}` });
      await direct.connect();
      const keys: string[] = [];
      for await (const batch of direct.scanIterator({ MATCH: `${prefix}:page:*`, COUNT: 500 })) keys.push(...batch);
      expect(keys.length).toBeGreaterThan(0);

      await redis.cut();
      // A change while Redis is away: the page shows it at once, rendered from the database, never a 500.
      const first = await approve();
      const during = await page();
      expect(during.status).toBe(200);
      expect(during.html).toContain(first);
      const error = await logged(app, (l) => l.level === "error" && String(l.msg).includes("Redis injoignable"));
      expect(error.msg).toContain("pages rendues depuis la base de données");
      expect((await page()).status).toBe(200);

      // Back: the invalidation made meanwhile was written, so the page stored before the cut is not served.
      await redis.restore();
      await logged(app, (l) => String(l.msg).includes("Redis de nouveau joignable"));
      const after = await page();
      expect(after.status).toBe(200);
      expect(after.html).toContain(first);
      await expect.poll(async () => (await page()).cache, { timeout: 15_000 }).toBe("HIT");

      for await (const batch of direct.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (batch.length) await direct.del(batch);
      direct.destroy();
    } finally {
      redis.close();
    }
  });

  test("one JSON line per request — request id, route, status, duration — and no e-mail, password nor address", async () => {
    const database = await newDatabase("journal");
    const app = await startApp(database);
    apps.push(app);
    // Without REDIS_URL, Redis is « non configuré » and the app healthy.
    expect(await health(app)).toEqual({ status: 200, body: { statut: "ok", base: "ok", redis: "non configuré" } });

    // A sane incoming X-Request-Id is kept and sent back; anything else is replaced by a new one.
    const kept = await fetch(`${app.base}/api/sante`, { headers: { "x-request-id": "lb-7f3a9c21-0001" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c21-0001");
    const replaced = await fetch(`${app.base}/api/sante`, { headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const line = await logged(app, (l) => l.reqId === "lb-7f3a9c21-0001" && l.msg === "requête");
    expect(line).toMatchObject({ level: "info", method: "GET", route: "/api/sante", status: 200 });
    expect(typeof line.ms).toBe("number");
    expect(typeof line.time).toBe("string");

    // The route's pattern, never the path or the query: paths carry one-time tokens, queries searches.
    const token = "jeton-secret-0123456789abcdef";
    await fetch(`${app.base}/invitation/${token}?q=quelqu.un@example.org`, { headers: { "x-request-id": "invitation-0000001" } });
    expect(await logged(app, (l) => l.reqId === "invitation-0000001" && l.msg === "requête")).toMatchObject({
      route: "/invitation/[token]",
    });

    // Sign-in, refused then accepted, from an address of its own and with a forged X-Forwarded-For.
    const before = app.lines().length;
    const address = ownLoopbackAddress();
    const wrongPassword = "mauvais-mot-de-passe-9f2c1e";
    const forged = "203.0.113.77";
    const refused = await attemptSignIn({
      email: demo.member1,
      password: wrongPassword,
      localAddress: address,
      forwardedFor: forged,
      base: app.base,
    });
    expect(refused.signedIn).toBe(false);
    const accepted = await attemptSignIn({ email: demo.member1, password: DEMO_PASSWORD, localAddress: address, base: app.base });
    expect(accepted.signedIn).toBe(true);
    await logged(app, (l) => l.route === "/api/auth/[...nextauth]" && l.method === "POST" && l.status === 200);
    const signInLines = app.lines().slice(before);
    expect(signInLines.filter((l) => l.route === "/api/auth/[...nextauth]").length).toBeGreaterThanOrEqual(4);
    const text = JSON.stringify(signInLines);
    for (const secret of [demo.member1, "membre1", wrongPassword, DEMO_PASSWORD, address, forged]) expect(text).not.toContain(secret);
    // Every line of the process is JSON, whoever wrote it (Next, next-auth, the app).
    expect(app.lines().filter((l) => "text" in l)).toEqual([]);
    expect(app.stderr()).toBe("");
  });

  test("SIGTERM: the write in flight is committed and acknowledged, new connections are refused, exit 0 with the database closed", async () => {
    const database = await newDatabase("arret");
    const app = await startApp(database);
    apps.push(app);

    // A request whose headers are half sent at SIGTERM: its connection is busy, so it stays open.
    const busy = net.connect(app.port, "127.0.0.1");
    await new Promise((resolve) => busy.once("connect", resolve));
    busy.write(`GET /api/sante HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\n`);
    let busyReply = "";
    busy.on("data", (chunk: Buffer) => (busyReply += chunk.toString()));
    const busyClosed = new Promise((resolve) => busy.once("close", resolve));

    const inFlight = slowWrite(app, "ecrite-pendant-l-arret", 2_000);
    // The transaction is open (its row written, not committed) when the signal comes.
    await logged(app, (l) => l.msg === "[test-hooks] transaction ouverte : ecrite-pendant-l-arret");
    const signalledAt = Date.now();
    app.child.kill("SIGTERM");
    await logged(app, (l) => l.msg === "arrêt demandé : plus de nouvelle connexion, fin des requêtes en cours");

    // A new connection is refused: the write it carried never reaches the app.
    const late = await slowWrite(app, "envoyee-apres-l-arret", 0).catch((error: unknown) => error);
    expect(late).toBeInstanceOf(Error);

    // The half-sent request ends: served, with « arrêt en cours » (a load balancer stops sending), and its connection closed.
    busy.write("\r\n");
    await busyClosed;
    expect(busyReply).toMatch(/^HTTP\/1\.1 503/);
    expect(busyReply).toMatch(/connection: close/i);
    expect(busyReply).toContain('"statut":"arrêt en cours"');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });

    const code = await withinMs(app.exited, 10_000);
    expect(code, app.output()).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(app.lines().find((l) => l.msg === "arrêté")).toMatchObject({ drained: true, stopped: true });
    expect(
      app
        .lines()
        .filter((l) => l.msg === "arrêt : terminé")
        .map((l) => l.hook),
    ).toEqual(expect.arrayContaining(["envoi des résumés", "base de données"]));

    // Started again on the same database: the acknowledged write is there, the refused one is not,
    // and the embedded database's lock was released (not taken over from a dead process).
    const again = await startApp(database);
    apps.push(again);
    expect(await rowsWritten(again, "ecrite-pendant-l-arret")).toBe(1);
    expect(await rowsWritten(again, "envoyee-apres-l-arret")).toBe(0);
    expect(again.output()).not.toContain("verrou repris");
  });

  test("SIGTERM: a write still running after 10 s is cut and rolled back, never half-done; exit 1", async () => {
    const database = await newDatabase("coupure");
    const app = await startApp(database);
    apps.push(app);
    const tooLong = slowWrite(app, "trop-longue", 15_000).then(
      (r) => r.status,
      (error: unknown) => error,
    );
    await logged(app, (l) => l.msg === "[test-hooks] transaction ouverte : trop-longue");
    const signalledAt = Date.now();
    app.child.kill("SIGTERM");
    // Never acknowledged: the connection is cut at 10 s.
    expect(await tooLong).toBeInstanceOf(Error);
    const elapsed = Date.now() - signalledAt;
    expect(elapsed).toBeGreaterThanOrEqual(9_500);
    expect(await withinMs(app.exited, 15_000), app.output()).toBe(1);
    expect(app.lines().find((l) => l.msg === "arrêté")).toMatchObject({ drained: false });

    expect(
      app
        .lines()
        .filter((l) => l.msg === "arrêt : terminé")
        .map((l) => l.hook),
    ).toContain("base de données");

    const again = await startApp(database);
    apps.push(again);
    expect(await rowsWritten(again, "trop-longue")).toBe(0);
  });
});
