import type { Browser, BrowserContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";

/**
 * Signs a browser context in without the UI, through next-auth's real credentials endpoint
 * (CSRF token, password check, session cookie), so tests start where they need to be. `base`:
 * another server than the browser tests' one (scripts/screenshots.ts).
 */
export async function signInAs(context: BrowserContext, email: string, password: string, base: string = baseURL): Promise<void> {
  const request = context.request;
  const csrf = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true", callbackUrl: `${base}/espace` },
    maxRedirects: 0,
  });
  const cookies = await context.cookies(base);
  if (!cookies.some((c) => c.name.endsWith("next-auth.session-token"))) {
    throw new Error(`connexion de ${email} impossible (HTTP ${response.status()})`);
  }
}

export const DEMO_PASSWORD = "demo-aurillac-2026";
export const demo = {
  admin: "admin@demo.aurillac.invalid",
  moderator: "moderation@demo.aurillac.invalid",
  official: "elu@demo.aurillac.invalid",
  referent1: "referent1@demo.aurillac.invalid",
  member1: "membre1@demo.aurillac.invalid",
  member2: "membre2@demo.aurillac.invalid",
} as const;

/** A new browser context, signed in (without the UI) as `email`. */
export async function signedInContext(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInAs(context, email, password);
  return context;
}
