import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInAs } from "../support/auth";

/**
 * One browser context of the « every form » spec: JavaScript on or off, optionally signed in,
 * with every address it asks for recorded (pages, redirects, RSC fetches, assets) and every value
 * typed into a form remembered, so the test can say at the end that none of them was ever in a URL.
 */
export interface Session {
  context: BrowserContext;
  page: Page;
  js: boolean;
  urls: string[];
  typed: Set<string>;
}

export async function session(
  browser: Browser,
  js: boolean,
  email?: string,
  password = DEMO_PASSWORD,
  typed = new Set<string>(),
): Promise<Session> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  if (email) await signInAs(context, email, password);
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  const page = await context.newPage();
  return { context, page, js, urls, typed };
}

/** A value unique to this run, easy to look for in a URL. */
export const unique = (label: string) => `nojs-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** Opens a page; with JavaScript, waits for React to hydrate so the form's own submit handler runs. */
export async function open(s: Session, path: string): Promise<void> {
  await s.page.goto(path);
  await settle(s);
}

export async function settle(s: Session): Promise<void> {
  if (s.js) await s.page.waitForLoadState("networkidle");
}

/** Types into a field and remembers the value (it must never appear in a URL). */
export async function type(s: Session, field: Locator, value: string): Promise<void> {
  s.typed.add(value);
  await field.fill(value);
}

/**
 * Submits `form` with its button and waits for the page to say what happened: an alert or a
 * status message (within the main content) matching `said`. Without JavaScript that message comes
 * with the page the browser got back from its POST; it is also checked that no error page came back.
 */
export async function submit(s: Session, form: Locator, button: string | RegExp, said: RegExp): Promise<void> {
  await form.getByRole("button", { name: button }).first().click();
  const main = s.page.getByRole("main");
  await expect(main.getByRole("alert").or(main.getByRole("status")).filter({ hasText: said }).first()).toBeVisible({ timeout: 20_000 });
  await expect(s.page.getByText(/Application error|Internal Server Error|This page couldn.t load/i)).toHaveCount(0);
  await settle(s);
}

/** No value typed in this session is in any address the browser asked for (decoded, + as space). */
export function expectNothingTypedInUrls(s: Session): void {
  const decoded = s.urls.map((url) => {
    try {
      return decodeURIComponent(url.replace(/\+/g, " "));
    } catch {
      return url;
    }
  });
  const leaks: string[] = [];
  for (const value of s.typed) {
    for (const [i, url] of decoded.entries()) if (url.includes(value)) leaks.push(`${value} → ${s.urls[i]}`);
  }
  expect(leaks, "valeurs saisies retrouvées dans une adresse").toEqual([]);
  expect(s.typed.size).toBeGreaterThan(0);
}

/**
 * Submits `form` with a value the app refuses, and waits for the refusal to be said: the form's
 * alert (the server's answer), or — with JavaScript, checked in the browser before sending — the
 * message under a field (`…-erreur`).
 */
export async function refuse(s: Session, form: Locator, button: string | RegExp): Promise<void> {
  await form.getByRole("button", { name: button }).first().click();
  await expect(form.getByRole("alert").or(form.locator('[id$="-erreur"]')).first()).toBeVisible({ timeout: 20_000 });
  await expect(s.page.getByText(/Application error|Internal Server Error|This page couldn.t load/i)).toHaveCount(0);
  await settle(s);
}

/**
 * The element that has the focus at the moment `text` first appears in the page — its id, and its
 * value if it is a field — read in the same task as the change that shows the text, before any
 * input the test sends next.
 */
export async function focusWhenTextShows(page: Page, text: string): Promise<() => Promise<{ id: string; value: string | null } | null>> {
  await page.evaluate((wanted) => {
    const seen = window as unknown as { focusWhenShown?: { id: string; value: string | null } };
    delete seen.focusWhenShown;
    new MutationObserver((_, observer) => {
      if (!document.body.textContent?.includes(wanted)) return;
      const focused = document.activeElement;
      seen.focusWhenShown = { id: focused?.id ?? "", value: focused instanceof HTMLInputElement ? focused.value : null };
      observer.disconnect();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  return () => page.evaluate(() => (window as unknown as { focusWhenShown?: { id: string; value: string | null } }).focusWhenShown ?? null);
}
