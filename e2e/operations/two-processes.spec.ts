import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { createClient } from "redis";
import { sinkHttpUrl, sinkSmtpPort, testHooksToken } from "../../playwright.config";
import { freePort } from "../../tests/support/free-port";
import { attemptSignIn, ownLoopbackAddress } from "../auth/credentials-client";
import { createDatabase, dropTemplateDatabase, onPostgres, startApp, type AppProcess, type TestDatabase } from "../support/app-process";
import { DEMO_PASSWORD, demo } from "../support/auth";
import { nginxAvailable, startNginx, type Nginx } from "../support/nginx";

/*
 * Issue 16, « Run it as a City's IT team would », point 3: the production setup of docs/deploiement.md
 * on this machine — two app processes (`npm start`, from the browser tests' build) on two ports,
 * one PostgreSQL database and one Redis (REDIS_URL: the shared page cache, ops/cache-handler.mjs),
 * behind nginx running deploy/nginx/psc.conf on 127.0.0.1 (TRUSTED_PROXY_HOPS=1).
 */
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const hookHeaders = { "x-test-hooks-token": testHooksToken };
const FICHE = "/fiches/pilotage-projet-social";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe("two app processes behind nginx, one PostgreSQL, one Redis", () => {
  test.skip(!onPostgres, "PostgreSQL seulement : la base embarquée ne s'ouvre que dans un processus (décision 0002)");
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  const prefix = `psc-test-${randomUUID().slice(0, 8)}`;
  const mailbox = `deux-processus-${randomUUID().slice(0, 8)}@exemple.invalid`;
  let database: TestDatabase;
  let sql: postgres.Sql;
  let a: AppProcess;
  let b: AppProcess;
  let nginx: Nginx;

  test.beforeAll(async () => {
    // nginx is a requirement of the browser tests (README): missing, this test fails rather than being skipped.
    expect(nginxAvailable, "nginx absent : installez-le (Debian : apt-get install nginx-light ; .ci/run l'installe)").toBe(true);
    test.setTimeout(240_000);
    const started = Date.now();
    database = await createDatabase("deux_processus");
    sql = postgres(database.url!, { max: 2, onnotice: () => {} });
    // The digest test's person; nobody else is due a digest (the demo data's unread notifications
    // would otherwise be mailed to the test mail server every other test reads).
    await sql`update notifications set emailed_at = now() where emailed_at is null`;
    await sql`insert into users (email, display_name, password_hash) values (${mailbox}, 'Personne des deux processus', 'aucun')`;

    const port = await freePort();
    const env = {
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      TRUSTED_PROXY_HOPS: "1",
      SMTP_URL: `smtp://127.0.0.1:${sinkSmtpPort}`,
      // Both processes' digest timers run every 300 ms: they race for the same person.
      TEST_DIGEST_PERIOD_MS: "300",
    };
    [a, b] = await Promise.all([startApp(database, env), startApp(database, env)]);
    nginx = await startNginx([a.port, b.port], port);
    console.log(`[deux processus] base, deux processus et nginx prêts en ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test.afterAll(async () => {
    await nginx?.stop();
    await Promise.all([a, b].filter(Boolean).map((app) => app.stop()));
    await sql?.end({ timeout: 5 });
    await database?.drop();
    await dropTemplateDatabase();
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
    redis.destroy();
  });

  test("a moderator approves through process A: the item is on the page through nginx and through process B within 1 s", async ({
    browser,
  }) => {
    // A pending avis of council n°1 on the fiche, with a text of its own.
    const marker = `Avis des deux processus ${randomUUID()}`;
    const [pending] = await sql<{ id: number }[]>`
      insert into contributions (council_id, action_id, kind, position, body, status, submitted_at, client_request_id)
      select c.id, a.id, 'feedback', 'favorable', ${marker}, 'pending', now(), ${randomUUID()}
      from actions a join councils c on c.plan_id = a.plan_id and c.slug = 'conseil-de-quartier-1'
      where a.slug = ${FICHE.split("/").at(-1)!}
      returning id`;
    expect(pending).toBeDefined();

    // The fiche is cached everywhere first: in Redis (B's second read is a HIT), in nginx.
    await fetch(`${b.base}${FICHE}`);
    expect((await fetch(`${b.base}${FICHE}`)).headers.get("x-nextjs-cache")).toBe("HIT");
    expect(await (await fetch(`${nginx.base}${FICHE}`)).text()).not.toContain(marker);

    // The moderator approves it from the moderation queue of process A, in a browser.
    const signIn = await attemptSignIn({
      email: demo.moderator,
      password: DEMO_PASSWORD,
      localAddress: ownLoopbackAddress(),
      base: a.base,
    });
    expect(signIn.signedIn).toBe(true);
    const [name, value] = signIn.sessionCookie!.split(/=(.*)/s) as [string, string];
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: a.base }]);
    const page = await context.newPage();
    await page.goto(`${a.base}/moderation`);
    await page
      .locator("article", { has: page.locator(`#file-${pending!.id}`) })
      .getByRole("button", { name: "Approuver et publier" })
      .click();
    await expect(page.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");
    const approvedAt = Date.now();
    await context.close();

    /** How long after the approval the first request that showed it was sent, and how many requests it took. */
    async function firstSeen(base: string) {
      for (let tries = 1; ; tries++) {
        const sent = Date.now();
        const html = await (await fetch(`${base}${FICHE}`)).text();
        if (html.includes(marker)) return { after: sent - approvedAt, tries };
        if (Date.now() - approvedAt > 5_000) return { after: Infinity, tries };
        await sleep(50);
      }
    }
    const [throughB, throughNginx] = await Promise.all([firstSeen(b.base), firstSeen(nginx.base)]);
    // B reads the invalidation A wrote to Redis on its very next request (its own cache would have
    // kept the old page for up to an hour).
    expect(throughB.tries).toBe(1);
    // nginx's micro-cache keeps a page for the second it was stored in, at most.
    expect(throughNginx.after).toBeLessThanOrEqual(1_000);
  });

  test("nginx: gzip, the micro-cache for public pages, a year for the build's files, the request id", async () => {
    const page = await fetch(`${nginx.base}/demarche`, { headers: { "accept-encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-encoding")).toBe("gzip");
    // nginx's $request_id reaches the app, which sends it back.
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);

    // Two reads within one second: the second is nginx's (the same second may end between them: tried again).
    let hit = false;
    for (let i = 0; i < 5 && !hit; i++) {
      await fetch(`${nginx.base}/conseils`);
      hit = (await fetch(`${nginx.base}/conseils`)).headers.get("x-cache-status") === "HIT";
    }
    expect(hit).toBe(true);
    await sleep(1_100);
    expect((await fetch(`${nginx.base}/conseils`)).headers.get("x-cache-status")).not.toBe("HIT");

    // The public moderation register is cached like any public page.
    hit = false;
    for (let i = 0; i < 5 && !hit; i++) {
      await fetch(`${nginx.base}/moderation/registre`);
      hit = (await fetch(`${nginx.base}/moderation/registre`)).headers.get("x-cache-status") === "HIT";
    }
    expect(hit).toBe(true);

    const html = await (await fetch(`${nginx.base}/`)).text();
    const asset = html.match(/\/_next\/static\/[^"'\s)]+/)?.[0];
    expect(asset, "un fichier du build dans la page d'accueil").toBeTruthy();
    await fetch(`${nginx.base}${asset}`);
    const again = await fetch(`${nginx.base}${asset}`);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-cache-status")).toBe("HIT");
    expect(again.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("a session opened through nginx works on both processes; a signed-in page is never served to anyone else", async () => {
    const signIn = await attemptSignIn({
      email: demo.member1,
      password: DEMO_PASSWORD,
      localAddress: ownLoopbackAddress(),
      base: nginx.base,
    });
    expect(signIn.signedIn).toBe(true);
    const cookie = signIn.sessionCookie!;

    for (const base of [a.base, b.base, nginx.base]) {
      const response = await fetch(`${base}/espace`, { headers: { cookie }, redirect: "manual" });
      expect(response.status, base).toBe(200);
      expect(await response.text()).toContain("Marie Membre (démo)");
    }
    // Right after, without the cookie, through nginx: the sign-in page, never the member's space.
    const anonymous = await fetch(`${nginx.base}/espace`, { redirect: "manual" });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(await anonymous.text()).not.toContain("Marie Membre (démo)");

    // Signed in, even a public page is neither taken from nor put in the micro-cache.
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${nginx.base}/demarche`, { headers: { cookie } });
      expect(response.headers.get("x-cache-status")).toBe("BYPASS");
    }
    // The private sections are never cached, signed in or not.
    for (const path of ["/espace", "/admin", "/moderation", "/connexion", "/api/sante", "/tableau-de-bord"]) {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${nginx.base}${path}`, { redirect: "manual" });
        expect(response.headers.get("x-cache-status"), path).toBe("BYPASS");
      }
    }
  });

  test("sign-in throttling counts the failures made on both processes", async () => {
    const address = ownLoopbackAddress();
    // Five wrong passwords for one account, alternately on A, B and through nginx.
    const bases = [a.base, b.base, nginx.base, a.base, b.base];
    for (const base of bases) {
      const attempt = await attemptSignIn({ email: demo.member2, password: "mauvais-mot-de-passe-2p", localAddress: address, base });
      expect(attempt.error, base).toBe("INVALID_CREDENTIALS");
    }
    // Neither process saw five by itself; together they did: the right password now waits.
    const blocked = await attemptSignIn({ email: demo.member2, password: DEMO_PASSWORD, localAddress: ownLoopbackAddress(), base: a.base });
    expect(blocked.signedIn).toBe(false);
    expect(blocked.error).toMatch(/^THROTTLED/);
  });

  test("one digest mail a day per person, with both processes' timers running", async () => {
    const notify = (app: AppProcess, message: string) =>
      fetch(`${app.base}/api/test-hooks/notifications`, {
        method: "POST",
        headers: { ...hookHeaders, "content-type": "application/json" },
        body: JSON.stringify({ email: mailbox, kind: "contribution_approved", message, link: "/espace/notifications" }),
      });
    const markers = [randomUUID(), randomUUID(), randomUUID()];
    // One notification through each process at once: both ask for the digest, both timers run.
    const replies = await Promise.all([notify(a, `Premier ${markers[0]}`), notify(b, `Deuxième ${markers[1]}`)]);
    for (const reply of replies) expect(reply.status).toBe(201);
    const mails = async () =>
      ((await (await fetch(`${sinkHttpUrl}/messages?to=${encodeURIComponent(mailbox)}`)).json()) as unknown[]).length;
    await expect.poll(mails, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // Another one later the same day: it waits for tomorrow's digest.
    expect((await notify(b, `Troisième ${markers[2]}`)).status).toBe(201);
    await sleep(3_000); // ten runs of each timer
    expect(await mails()).toBe(1);
    const [claimed] = await sql<{ n: number }[]>`select count(*)::int as n from notifications n join users u on u.id = n.user_id
      where u.email = ${mailbox} and n.emailed_at is not null`;
    expect(claimed!.n).toBeGreaterThanOrEqual(1);
  });
});
