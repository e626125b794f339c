import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { allRedirectPayloads } from "../../tests/support/redirect-payloads";
import { demo, DEMO_PASSWORD } from "../support/auth";

/*
 * No open redirect: every return address an attacker can put in a link (`callbackUrl` of the
 * sign-in page, of next-auth's endpoints, its callback-url cookie, the sign-in page's own redirect
 * when a protected page is opened) leads the browser to this site and nowhere else — in a real
 * browser, after a real sign-in through the form, with JavaScript and without. Only successful
 * sign-ins here (the per-address throttle counts failures only, and every browser test shares
 * 127.0.0.1).
 */
const site = new URL(baseURL);
const payloads = allRedirectPayloads(baseURL);

/** A return address is safe when a browser reads it as a path of this site, whatever page it sits on. */
function expectLocalPath(path: string, payload: string) {
  expect(path, `${JSON.stringify(payload)} → ${JSON.stringify(path)}`).toMatch(/^\/(?![/\\])/);
  expect(path).not.toMatch(/[\\\u0000-\u001f\u007f\s]/);
  expect(new URL(path, "https://ailleurs.example/a/b").host).toBe("ailleurs.example");
  expect(new URL(path, baseURL).origin).toBe(baseURL);
}

/** Every request the page makes to another host than this site's. */
function offSiteRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && url.host !== site.host) seen.push(request.url());
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(baseURL)) seen.push(frame.url());
  });
  return seen;
}

async function signInThroughTheForm(page: Page) {
  await page.getByLabel("Adresse électronique").fill(demo.admin);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion" && url.pathname !== "/connexion/erreur", { waitUntil: "commit" });
  await page.waitForLoadState("domcontentloaded");
}

async function signInWithEachPayload(browser: Browser, javaScriptEnabled: boolean, chunk: string[]) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const offSite = offSiteRequests(page);
  try {
    for (const payload of chunk) {
      await page.goto(`/connexion?callbackUrl=${encodeURIComponent(payload)}`);
      await signInThroughTheForm(page);
      const landed = new URL(page.url());
      expect(landed.origin, `${JSON.stringify(payload)} → ${page.url()}`).toBe(baseURL);
      expect(landed.hostname).toBe("127.0.0.1");
      expect(offSite, JSON.stringify(payload)).toEqual([]);
    }
  } finally {
    await context.close();
  }
}

/*
 * Where the browser goes after signing in depends only on the form's hidden field: without
 * JavaScript next-auth redirects to it, with JavaScript the form calls `window.location.assign`
 * with it. Every payload's hidden field is checked below as a browser reads a URL, and every
 * payload is posted to next-auth itself; the full sign-ins through the form (seconds each) take
 * every fourth payload, which still spans each family of the corpus.
 */
const signInSample = payloads.filter((_, i) => i % 4 === 0);
const chunks = (size: number) =>
  Array.from({ length: Math.ceil(signInSample.length / size) }, (_, i) => signInSample.slice(i * size, (i + 1) * size));

test(`the corpus holds at least 40 payloads (${payloads.length})`, () => {
  expect(payloads.length).toBeGreaterThanOrEqual(40);
});

test("the sign-in page turns every payload into a path of this site (the form's hidden field)", async ({ browser }) => {
  test.setTimeout(180_000);
  // The field is written by the server; without JavaScript the page is read as sent, and faster.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const payload of payloads) {
    await page.goto(`/connexion?callbackUrl=${encodeURIComponent(payload)}`);
    expectLocalPath(await page.locator('input[name="callbackUrl"]').inputValue(), payload);
  }
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  chunks(12).forEach((chunk, i) => {
    test(`signing in through the form ${javaScriptEnabled ? "with" : "without"} JavaScript ends on this site (sample ${i * 12 + 1}–${i * 12 + chunk.length} of ${signInSample.length})`, async ({
      browser,
    }) => {
      test.setTimeout(240_000);
      await signInWithEachPayload(browser, javaScriptEnabled, chunk);
    });
  });
}

/** next-auth's CSRF token and cookie, for calls to its endpoints. */
async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

test("next-auth's own redirects (sign-in, sign-out, sign-in page) never leave the site", async ({ request }) => {
  test.setTimeout(240_000);
  for (const payload of payloads) {
    // The credentials endpoint, posted as a form without JavaScript would: its 302.
    const signIn = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: await csrf(request), email: demo.admin, password: DEMO_PASSWORD, callbackUrl: payload },
      maxRedirects: 0,
    });
    expect(signIn.status(), JSON.stringify(payload)).toBe(302);
    const afterSignIn = new URL(signIn.headers()["location"]!, baseURL);
    expect(afterSignIn.origin, JSON.stringify(payload)).toBe(baseURL);
    expectLocalPath(`${afterSignIn.pathname}${afterSignIn.search}${afterSignIn.hash}`, payload);
    // The raw Location must not be protocol-relative either.
    expect(signIn.headers()["location"]).not.toMatch(/^\/\//);

    // The sign-out endpoint (as next-auth/react's signOut() calls it).
    const signOut = await request.post("/api/auth/signout", {
      form: { csrfToken: await csrf(request), callbackUrl: payload, json: "true" },
    });
    const afterSignOut = new URL(((await signOut.json()) as { url: string }).url, baseURL);
    expect(afterSignOut.origin, JSON.stringify(payload)).toBe(baseURL);

    // next-auth's sign-in route sends to the sign-in page with the callbackUrl it accepted.
    const toSignInPage = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
    const signInPage = new URL(toSignInPage.headers()["location"]!, baseURL);
    expect(signInPage.origin).toBe(baseURL);
    const accepted = signInPage.searchParams.get("callbackUrl");
    if (accepted) expect(new URL(accepted, baseURL).origin, JSON.stringify(payload)).toBe(baseURL);
  }
});

test("a callback-url cookie set to a payload, then a refused sign-in page: back to the form, which still leads to this site", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  for (const [i, payload] of payloads.slice(0, 20).entries()) {
    const context = await browser.newContext();
    await context.addCookies([{ name: "next-auth.callback-url", value: encodeURIComponent(payload), url: baseURL }]);
    const page = await context.newPage();
    const offSite = offSiteRequests(page);
    await page.goto("/connexion/erreur?error=INVALID_CREDENTIALS");
    await expect(page).toHaveURL(/\/connexion\?/);
    expectLocalPath(await page.locator('input[name="callbackUrl"]').inputValue(), payload);
    // The sign-in itself follows the hidden field just checked (see signInSample).
    if (i % 4 === 0) {
      await signInThroughTheForm(page);
      expect(new URL(page.url()).origin, JSON.stringify(payload)).toBe(baseURL);
    }
    expect(offSite).toEqual([]);
    await context.close();
  }
});

test("a protected page opened signed out comes back to itself, on this site, whatever its address holds", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const offSite = offSiteRequests(page);
  for (const path of [
    `/espace/fiches/${encodeURIComponent("//evil.example")}`,
    "/espace/fiches/..%2F..%2F%2Fevil.example",
    `/espace/notifications/${encodeURIComponent("/.//evil.example")}`,
    `/espace/contribuer?fiche=${encodeURIComponent("//evil.example")}`,
    `/admin/utilisateurs?recherche=${encodeURIComponent("/\\evil.example")}`,
  ]) {
    await context.clearCookies();
    await page.goto(path);
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
    expectLocalPath(await page.locator('input[name="callbackUrl"]').inputValue(), path);
    await signInThroughTheForm(page);
    expect(new URL(page.url()).origin, path).toBe(baseURL);
    expect(offSite, path).toEqual([]);
  }
  await context.close();
});
