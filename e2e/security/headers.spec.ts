import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demo, signedInContext, signInAs, DEMO_PASSWORD } from "../support/auth";

/*
 * Security headers on every response, set in one place (proxy.ts, lib/security-headers.ts,
 * docs/decisions/0009-security-headers.md): public pages served from cache, signed-in pages,
 * API routes, static assets, redirects and 404s. Framing by another origin is refused, and an
 * inline script injected into a signed-in page does not run.
 */
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = directives(headers["content-security-policy"] ?? "");
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(csp.get("base-uri"), what).toEqual(["'self'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(csp.get("script-src"), what).toEqual(
    expect.arrayContaining(["'strict-dynamic'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{20,}={0,2}'$/)]),
  );
  expect(csp.get("script-src"), what).not.toContain("'unsafe-inline'");
  expect(csp.get("script-src"), what).not.toContain("'unsafe-eval'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("fullscreen=(self)");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["permissions-policy"], what).toContain("microphone=()");
  expect(headers["permissions-policy"], what).toContain("geolocation=()");
  // Served over plain http here: no HSTS (lib/security-headers.test.ts checks it over https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  return csp;
}

test("every kind of response carries the security headers", async ({ request, browser }) => {
  // Public pages, served from cache: the headers are there and the cache is still hit.
  for (const path of ["/", "/demarche", "/conseils", "/fiches/logements-plus-precaires", "/thematiques/habitat-cadre-de-vie"]) {
    await request.get(path);
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
    expectSecurityHeaders(response, path);
  }

  // A static asset of the build, a 404, a redirect, API routes.
  const home = await (await request.get("/")).text();
  const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(home)?.[0];
  expect(asset).toBeTruthy();
  const assetResponse = await request.get(asset!);
  expect(assetResponse.status()).toBe(200);
  expectSecurityHeaders(assetResponse, asset!);
  const missing = await request.get("/cette-page-n-existe-pas");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, "404");
  const redirect = await request.get("/espace", { maxRedirects: 0 });
  expect(redirect.status()).toBeGreaterThanOrEqual(300);
  expectSecurityHeaders(redirect, "redirection vers la connexion");
  expectSecurityHeaders(await request.get("/api/auth/csrf"), "/api/auth/csrf");
  expectSecurityHeaders(await request.get("/api/auth/session"), "/api/auth/session");
  expectSecurityHeaders(await request.post("/api/test-hooks/inconnu", { data: {} }), "POST /api/test-hooks/inconnu");

  // Signed-in pages: a new nonce per response, the one Next put on the page's scripts.
  const admin = await signedInContext(browser, demo.admin);
  const moderator = await signedInContext(browser, demo.moderator);
  const nonces = new Set<string>();
  for (const [who, path] of [
    [admin, "/espace"],
    [moderator, "/moderation"],
    [admin, "/admin/utilisateurs"],
    [admin, "/espace"],
    [admin, "/connexion"],
    [admin, "/mot-de-passe-oublie"],
  ] as const) {
    const response = await who.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-nextjs-cache"], path).toBeUndefined();
    const csp = expectSecurityHeaders(response, path);
    const nonce = csp
      .get("script-src")!
      .find((s) => s.startsWith("'nonce-"))!
      .slice(7, -1);
    nonces.add(nonce);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(6);
  await admin.close();
  await moderator.close();
});

test("a signed-in page works under its policy: no CSP violation, the client code runs", async ({ page, context }) => {
  await signInAs(context, demo.admin, DEMO_PASSWORD);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/admin/parametres");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Hydrated: Next's client runtime ran (it only exists once its nonce-carrying scripts ran).
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
  expect(violations).toEqual([]);
});

/**
 * What an injection would put into a signed-in page: an inline <script> in the HTML itself (a
 * stored XSS that got past escaping), an inline event handler, and markup with an event handler
 * written into the DOM by the page's own trusted code (it carries the nonce, like Next's scripts:
 * the innerHTML kind of DOM XSS). The response keeps its real headers unless `withoutPolicy`.
 * (Code run from the test through page.evaluate is exempt from CSP in Chromium, so the injection
 * has to come from the page. A <script> element that trusted code creates itself is allowed by
 * 'strict-dynamic' — by design, see docs/decisions/0009-security-headers.md.)
 */
async function injectInto(page: Page, path: string, withoutPolicy = false) {
  await page.route(`${baseURL}${path}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1] ?? "";
    if (withoutPolicy) delete headers["content-security-policy"];
    const count = "window.injected = (window.injected || 0) + 1";
    const injected =
      `<script>${count}</script>` +
      `<img alt="" src="data:," onerror="${count}">` +
      `<div id="sink"></div><script nonce="${nonce}">document.getElementById("sink").innerHTML = '<img alt="" src="data:," onerror="${count}">'; window.trustedRan = true;</script>`;
    await route.fulfill({ response, headers, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  // Violations are reported as events on the document: listen from the very start.
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => w.violations.push(event.effectiveDirective));
  });
  await page.goto(path);
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { injected?: number; trustedRan?: boolean; violations: string[] };
    return { injected: w.injected ?? 0, trustedRan: w.trustedRan ?? false, violations: w.violations };
  });
}

test("an inline script injected into a signed-in page does not run (CSP violation seen in the browser)", async ({ browser }) => {
  for (const [email, path] of [
    [demo.moderator, "/moderation"],
    [demo.admin, "/admin/utilisateurs"],
    [demo.admin, "/espace"],
  ] as const) {
    const context = await signedInContext(browser, email);
    const page = await context.newPage();
    const outcome = await injectInto(page, path);
    expect(outcome.trustedRan, path).toBe(true);
    expect(outcome.injected, path).toBe(0);
    expect(outcome.violations.filter((v) => v.startsWith("script-src")).length, path).toBeGreaterThanOrEqual(3);
    await context.close();
  }
});

test("control: without the policy, the same injections run (the test above can see a script run)", async ({ browser }) => {
  const context = await signedInContext(browser, demo.admin);
  const outcome = await injectInto(await context.newPage(), "/espace", true);
  expect(outcome.injected).toBe(3);
  expect(outcome.violations).toEqual([]);
  await context.close();
});

test("a page on another port of 127.0.0.1 cannot frame /moderation or /admin/utilisateurs", async ({ browser }) => {
  // Another origin of the same site (same host, another port): the session cookie (SameSite=Lax)
  // goes along with the framed request, which is exactly what clickjacking needs.
  const framer = http.createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    if (request.url === "/propre") return response.end("<!doctype html><title>propre</title><h1>Cadre du même site</h1>");
    const target = new URL(request.url ?? "/", "http://x").searchParams.get("cible") ?? "/";
    response.end(
      `<!doctype html><title>piège</title>` +
        `<iframe name="cible" src="${baseURL}${target}" width="800" height="600"></iframe>` +
        `<iframe name="propre" src="/propre"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  const framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
  try {
    for (const [email, path, heading] of [
      [demo.moderator, "/moderation", /Modération/],
      [demo.admin, "/admin/utilisateurs", /Utilisateurs|Personnes|Comptes/],
    ] as const) {
      const context = await signedInContext(browser, email);
      const page = await context.newPage();
      const refusals: string[] = [];
      page.on("console", (message) => {
        if (/frame-ancestors|X-Frame-Options/i.test(message.text())) refusals.push(message.text());
      });
      // The page itself opens fine in this person's browser.
      await page.goto(`${baseURL}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);

      await page.goto(`${framerUrl}/?cible=${encodeURIComponent(path)}`);
      await page.waitForLoadState("load");
      // The control frame (the framer's own origin) renders, so frames do load here…
      await expect(page.frameLocator('iframe[name="propre"]').getByRole("heading", { name: "Cadre du même site" })).toBeVisible();
      // …but not the app's page: the browser refused to render it in a frame.
      const frame = page.frame({ name: "cible" })!;
      expect(frame, path).toBeTruthy();
      await expect.poll(() => refusals.length, { message: path }).toBeGreaterThanOrEqual(1);
      expect(frame.url(), path).not.toMatch(new RegExp(`^${baseURL}`));
      const text = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      expect(text, path).not.toMatch(heading);
      await context.close();
    }
  } finally {
    framer.close();
  }
});
