import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signedInContext, signInAs } from "../support/auth";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { attemptSignIn, ownLoopbackAddress } from "../auth/credentials-client";
import { signInForm } from "../auth/helpers";
import { council1, newMemberOf } from "../council/helpers";
import { marker, publicResponses } from "../contributions/helpers";
import { focusWhenTextShows } from "../forms/support";
import { approveById, pendingFeedback } from "../moderation/helpers";

/*
 * Issue 14, points 1–2, in the browser on the production build: « Mes données » (see, download),
 * then the erasure of one's account. Each test works on a person of its own, created through the
 * real invitation flow: an erased account cannot be given back, so never a demo one.
 */

const formerMember = `Ancien membre du conseil ${council1.name}`;
const WRONG_PASSWORD = "Mot de passe incorrect : votre compte n'a pas été supprimé.";

const eraseForm = (page: Page) => page.getByRole("form", { name: "Supprimer mon compte" });
const understood = (page: Page) => eraseForm(page).getByRole("checkbox", { name: /^J'ai compris/ });
const passwordField = (page: Page) => eraseForm(page).getByLabel("Votre mot de passe, pour confirmer");

/** The admin's page of the person (found by their e-mail while it still exists): its address. */
async function adminPageOf(browser: Browser, email: string, displayName: string): Promise<string> {
  const admin = await signedInContext(browser, demo.admin);
  const page = await admin.newPage();
  await page.goto(`/admin/utilisateurs?recherche=${encodeURIComponent(email)}`);
  const href = await page.getByRole("link", { name: displayName, exact: true }).getAttribute("href");
  await admin.close();
  expect(href).toMatch(/^\/admin\/utilisateurs\/\d+$/);
  return href!;
}

/**
 * The part of a page (HTML or RSC payload) about contribution `id`: from its first mention to the
 * first mention of another contribution — so that « Ancien membre … » is checked on this avis,
 * not found on another one erased earlier.
 */
function partAbout(text: string, id: number): string {
  const start = text.indexOf(`contribution-${id}"`);
  expect(start, `contribution-${id}`).toBeGreaterThanOrEqual(0);
  const mention = /contribution-(\d+)"/g;
  mention.lastIndex = start;
  for (let m = mention.exec(text); m; m = mention.exec(text)) if (Number(m[1]) !== id) return text.slice(start, m.index);
  return text.slice(start);
}

/** Signed out: the space sends to the sign-in page. */
async function expectSignedOut(page: Page) {
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
}

/**
 * The old e-mail and password are refused by the sign-in form. Once per run only: every failure
 * typed in a browser counts against 127.0.0.1, the address all tests share, whose first 5
 * failures are free (server/auth/throttle.ts) — sign-in.spec and every-form.spec use 3 of them.
 */
async function expectRefusedBySignInForm(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  const form = signInForm(page);
  await form.getByLabel("Adresse électronique").fill(email);
  await form.getByLabel("Mot de passe", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Se connecter" }).click();
  await expect(form.getByRole("alert")).toHaveText("Adresse électronique ou mot de passe incorrect.");
  await expectSignedOut(page);
}

test("« Mes données » : voir, télécharger (les siennes seulement), puis supprimer son compte — l'avis publié reste, sans le nom", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const member = await newMemberOf(browser, council1.slug, "donnees");
  const page = await member.context.newPage();
  const body = `Avis pour « Mes données ». ${marker("donnees")}`;
  const id = await pendingFeedback(page, body);
  const moderator = await signedInContext(browser, demo.moderator);
  await approveById(await moderator.newPage(), id);
  await moderator.close();
  // Published under the person's name: what the erasure must take off the public page (HTML and RSC).
  await expect(async () => {
    const { html, rsc } = await publicResponses(page.request);
    for (const text of [html, rsc]) {
      expect(text).toContain(body);
      expect(text).toContain(member.displayName);
    }
  }).toPass({ timeout: 20_000 });
  const adminPath = await adminPageOf(browser, member.email, member.displayName);

  // From the account area to « Mes données »: every section, the person's own account in the first.
  await page.goto("/espace");
  await page.getByRole("link", { name: "Mes données", exact: true }).click();
  await expect(page).toHaveURL("/espace/mes-donnees");
  await expect(page.getByRole("heading", { level: 1, name: "Mes données" })).toBeVisible();
  for (const section of [
    "Mon compte",
    "Mes conseils de quartier",
    "Mes avis et propositions",
    "Mes commentaires",
    "Mes signalements",
    "Soutiens donnés en mon nom",
    "Mes notifications",
    "Le journal à mon sujet",
    "Supprimer mon compte",
  ]) {
    await expect(page.getByRole("region", { name: section, exact: true }), section).toBeVisible();
  }
  const account = page.getByRole("region", { name: "Mon compte", exact: true });
  await expect(account).toContainText(member.email);
  await expect(account).toContainText(member.displayName);
  await expect(page.getByRole("region", { name: "Mes conseils de quartier" })).toContainText(council1.name);
  await expect(page.getByRole("region", { name: "Mes avis et propositions" })).toContainText("publié");
  await expectAccessibleAtEachWidth(page);

  // The download: one JSON file with the person's data, nothing of anyone else's.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger mes données (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await download.path())!, "utf8");
  const data = JSON.parse(text) as {
    account: { email: string; displayName: string };
    memberships: { slug: string }[];
    contributions: { id: number; body: string; status: string }[];
  };
  expect(data.account).toMatchObject({ email: member.email, displayName: member.displayName });
  expect(data.memberships.map((m) => m.slug)).toEqual([council1.slug]);
  expect(data.contributions).toEqual([expect.objectContaining({ id, body, status: "published" })]);
  for (const other of [demo.member2, demo.member1, demo.admin, demo.moderator]) expect(text).not.toContain(other);
  expect(text).not.toContain("passwordHash");

  // Erasure: a wrong password first — refused in French, the box stays ticked, nothing erased.
  await page.setViewportSize({ width: 1280, height: 900 });
  await understood(page).check();
  await passwordField(page).fill(`pas ${member.password}`);
  const focusWhenShown = await focusWhenTextShows(page, WRONG_PASSWORD);
  await eraseForm(page).getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(eraseForm(page).getByRole("alert").first()).toHaveText(WRONG_PASSWORD);
  expect(await focusWhenShown()).toEqual({ id: "suppression-mot-de-passe", value: "" });
  await expect(page).toHaveURL("/espace/mes-donnees");
  await expect(understood(page)).toBeChecked();
  await expect(passwordField(page)).toHaveValue("");
  await expect(passwordField(page)).toBeFocused();
  await expectAccessibleAtEachWidth(page);
  await page.reload();
  await expect(page.getByRole("region", { name: "Mon compte", exact: true })).toContainText(member.email);

  // Then the right one: the « compte supprimé » page, signed out everywhere.
  await understood(page).check();
  await passwordField(page).fill(member.password);
  await eraseForm(page).getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page).toHaveURL("/compte-supprime");
  await expect(page.getByRole("heading", { level: 1, name: "Votre compte est supprimé" })).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  await expectSignedOut(page);
  await expectRefusedBySignInForm(page, member.email, member.password);

  // The avis stays public, signed by the council, never with the old name — HTML and RSC payload,
  // on the very next request (the erasure refreshes the cached pages; no waiting for the hour).
  const { html, rsc } = await publicResponses(page.request);
  for (const [what, text] of [
    ["HTML", html],
    ["RSC", rsc],
  ] as const) {
    const part = partAbout(text, id);
    expect(part, what).toContain(body);
    expect(part, what).toContain(formerMember);
    expect(text, what).not.toContain(member.displayName);
    expect(text, what).not.toContain(member.email);
  }

  // The admin's page of the erased account: no form that could bring it back, no personal data.
  const admin = await signedInContext(browser, demo.admin);
  const adminPage = await admin.newPage();
  await adminPage.goto(adminPath);
  await expect(adminPage.getByText(/^Compte supprimé le \S/).first()).toBeVisible();
  await expect(adminPage.getByRole("heading", { level: 2, name: "Compte supprimé" })).toBeVisible();
  for (const name of ["Changer les rôles", "Désactiver le compte", "Réactiver le compte", "Effacer le compte"]) {
    await expect(adminPage.getByRole("form", { name }), name).toHaveCount(0);
  }
  const adminHtml = await adminPage.content();
  expect(adminHtml).not.toContain(member.displayName);
  expect(adminHtml).not.toContain(member.email);
  await admin.close();
  await member.context.close();
});

test("supprimer son compte sans JavaScript : un POST ordinaire, le refus puis la suppression", async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await newMemberOf(browser, council1.slug, "donnees-sansjs");
  await member.context.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, member.email, member.password);
  const requests: { method: string; url: string }[] = [];
  context.on("request", (request) => requests.push({ method: request.method(), url: request.url() }));
  const page = await context.newPage();

  await page.goto("/espace/mes-donnees");
  await expect(page.getByRole("region", { name: "Mon compte", exact: true })).toContainText(member.email);
  const wrong = `pas ${member.password}`;
  await understood(page).check();
  await passwordField(page).fill(wrong);
  await eraseForm(page).getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  // The server's answer is the page itself, rendered with the refusal; the box comes back ticked.
  await expect(eraseForm(page).getByRole("alert").first()).toHaveText(WRONG_PASSWORD);
  await expect(understood(page)).toBeChecked();
  await expect(page.getByRole("region", { name: "Mon compte", exact: true })).toContainText(member.email);

  await passwordField(page).fill(member.password);
  await eraseForm(page).getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page).toHaveURL("/compte-supprime");
  await expect(page.getByRole("heading", { level: 1, name: "Votre compte est supprimé" })).toBeVisible();

  // Both submissions were POSTs to the page; no password ever in an address.
  const posts = requests.filter((r) => r.method === "POST");
  expect(posts.map((r) => new URL(r.url).pathname)).toEqual(["/espace/mes-donnees", "/espace/mes-donnees"]);
  for (const { url } of requests) {
    const decoded = decodeURIComponent(url.replace(/\+/g, " "));
    expect(decoded).not.toContain(member.password);
  }
  await expectSignedOut(page);
  // (From a loopback address of its own: see expectRefusedBySignInForm.)
  const again = await attemptSignIn({ email: member.email, password: member.password, localAddress: ownLoopbackAddress() });
  expect(again).toMatchObject({ signedIn: false, error: "INVALID_CREDENTIALS" });
  await context.close();
});
