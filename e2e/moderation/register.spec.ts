import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoAccountSeeds } from "../../db/seed/plan-data";
import { demoContributionSeeds } from "../../db/seed/demo-contributions";
import { cityMonth, formatMonth } from "../../lib/months";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { demo, signedInContext } from "../support/auth";
import { fichePath, marker, postFeedback, queueItem } from "../contributions/helpers";

/*
 * The public moderation register (issue 13, points 4 and 5): signed out, it shows this month's
 * figures and follows a refusal at once (its cache is refreshed by the decision); its CSV downloads
 * and holds the same figures; axe finds nothing at 320 and 1280 px; no text, title, reason or name
 * of any item — draft, pending, refused, hidden (the demo seed has one of each), or the refusal made
 * here — is in its bytes (HTML, RSC payload, CSV). The rest of /moderation stays closed.
 */
const REGISTER = "/moderation/registre";
const thisMonth = formatMonth(cityMonth(new Date()));

/** A month's row of one of the register's tables: its header (the month) and its numbers. */
type MonthRow = { month: string; cells: string[] };

/** The current month's row of one of the register's tables, as the page has it. */
async function currentRow(page: Page, caption: string): Promise<MonthRow> {
  const table = page.getByRole("table", { name: caption });
  const current = page.getByRole("rowheader", { name: /\(mois en cours\)$/ });
  const row = table.getByRole("row").filter({ has: current });
  await expect(row).toHaveCount(1);
  const month = (await row.getByRole("rowheader").textContent())!.trim();
  return { month, cells: (await row.getByRole("cell").allInnerTexts()).map((t) => t.trim()) };
}

/**
 * How many more column `i` of the current month counts now than before: all of it when the month
 * changed in between (midnight, City time, came during the test: the CI run of stop 25 crossed it).
 */
function more(now: MonthRow, before: MonthRow, i: number): number {
  return Number(now.cells[i]) - (now.month === before.month ? Number(before.cells[i]) : 0);
}

/** The CSV file the page links to, parsed: header and rows. */
async function csvOf(page: Page, request: APIRequestContext) {
  const href = await page.getByRole("link", { name: /Télécharger ces chiffres \(fichier CSV/ }).getAttribute("href");
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="registre-moderation-\d{4}-\d{2}-\d{4}-\d{2}\.csv"$/);
  const text = await response.text();
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = text
    .slice(1)
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(";"));
  return { text, header: header!, rows };
}

test("signed out, the register shows this month's figures, follows a refusal at once, and its CSV says the same", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const response = await page.goto(REGISTER);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Registre de la modération" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Ce mois-ci : ${thisMonth}` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `${thisMonth} (mois en cours)` }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Les règles de la modération" })).toBeVisible();
  const motifs = page.getByRole("table", { name: "Refus par motif" });
  const horsSujet = (await motifs.getByRole("columnheader").allInnerTexts()).findIndex((h) => h.trim() === "Hors sujet") - 1;
  expect(horsSujet).toBeGreaterThanOrEqual(0);
  const before = {
    decisions: await currentRow(page, "Contributions reçues et décisions"),
    motifs: await currentRow(page, "Refus par motif"),
  };

  // A member submits an avis; a moderator refuses it with the « Hors sujet » template and a typed sentence.
  const body = `Avis refusé pour le registre ${marker("registre")}`;
  const reason = `Raison tapée du refus ${marker("raison")}`;
  const member = await signedInContext(browser, demo.member1);
  await postFeedback(await member.newPage(), body);
  await member.close();
  // The submission alone refreshes the register (nothing else public changes then).
  await page.reload();
  const submitted = await currentRow(page, "Contributions reçues et décisions");
  expect(more(submitted, before.decisions, 0)).toBeGreaterThanOrEqual(1);
  const moderator = await signedInContext(browser, demo.moderator);
  const modPage = await moderator.newPage();
  const item = await queueItem(modPage, body);
  await item.getByLabel("Motif type (facultatif)").selectOption({ label: "Hors sujet" });
  const reasonField = item.getByLabel(/Raison du refus/);
  await expect(reasonField).toHaveValue(/^Le texte ne porte pas sur cette fiche action/);
  await reasonField.fill(`${await reasonField.inputValue()}\n\n${reason}`);
  await item.getByRole("button", { name: "Refuser avec cette raison" }).click();
  await expect(modPage.getByRole("status").first()).toHaveText("Contribution refusée : le conseil verra la raison.");
  await moderator.close();

  // Refreshed by the decision: one more received, refused, refused « Hors sujet » (other tests may add theirs).
  await page.reload();
  const after = {
    decisions: await currentRow(page, "Contributions reçues et décisions"),
    motifs: await currentRow(page, "Refus par motif"),
  };
  expect(more(after.decisions, before.decisions, 0)).toBeGreaterThanOrEqual(1);
  expect(more(after.decisions, before.decisions, 2)).toBeGreaterThanOrEqual(1);
  expect(more(after.motifs, before.motifs, horsSujet)).toBeGreaterThanOrEqual(1);

  // The CSV: one row per month, oldest first, the current month last, with the page's figures
  // (read again together: another test may decide something between two reads).
  await expect(async () => {
    await page.reload();
    const decisions = await currentRow(page, "Contributions reçues et décisions");
    const motifsRow = await currentRow(page, "Refus par motif");
    const { header, rows } = await csvOf(page, visitor.request);
    expect(header.slice(0, 4)).toEqual(["mois", "contributions reçues", "publiées", "refusées"]);
    expect(header).toContain("refusées : Hors sujet");
    const last = rows.at(-1)!;
    expect(last[0]).toBe(cityMonth(new Date()));
    expect(last.slice(1, 4)).toEqual(decisions.cells.slice(0, 3));
    expect(last[header.indexOf("refusées : Hors sujet")]).toBe(motifsRow.cells[horsSujet]);
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0]!)].sort());
  }).toPass({ timeout: 20_000 });

  // Nothing of any item, published or not, nor anyone's name: not in the HTML, the RSC payload or the CSV.
  const secrets = [
    body,
    reason,
    ...demoContributionSeeds.flatMap((c) => [
      c.body,
      c.title,
      c.rejectionReason,
      c.hiddenReason,
      ...(c.comments ?? []).map((k) => k.body),
      ...(c.reports ?? []).map((r) => r.reason),
      ...(c.answers ?? []).map((a) => a.body),
    ]),
    ...demoAccountSeeds.map((a) => a.displayName),
    ...demoAccountSeeds.map((a) => a.email),
  ].filter((s): s is string => Boolean(s));
  expect(demoContributionSeeds.map((c) => c.status)).toEqual(expect.arrayContaining(["draft", "pending", "rejected", "hidden"]));
  const html = await (await visitor.request.get(REGISTER)).text();
  const rsc = await (await visitor.request.get(REGISTER, { headers: { RSC: "1" } })).text();
  const { text: csv } = await csvOf(page, visitor.request);
  for (const secret of secrets) {
    // The demo texts are stored with HTML-escaped apostrophes in the page: compare what a reader could find.
    for (const [where, bytes] of [
      ["HTML", html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&")],
      ["RSC", rsc],
      ["CSV", csv],
    ] as const) {
      expect(bytes.includes(secret.slice(0, 60)), `${where} : ${secret.slice(0, 60)}`).toBe(false);
    }
  }
  await visitor.close();
});

test("the register is served from cache, and an earlier window and its CSV exist; a month to come does not", async ({ request }) => {
  // Another test's decision may refresh it between two requests: the second of two in a row is a HIT.
  await expect(async () => {
    await request.get(REGISTER);
    expect((await request.get(REGISTER)).headers()["x-nextjs-cache"]).toBe("HIT");
  }).toPass({ timeout: 20_000 });
  expect((await request.get(`${REGISTER}/2099-01`)).status()).toBe(404);
  expect((await request.get(`${REGISTER}/2099-01/registre-moderation.csv`)).status()).toBe(404);
  expect((await request.get(`${REGISTER}/pas-un-mois`)).status()).toBe(404);
  const current = cityMonth(new Date());
  const window = await request.get(`${REGISTER}/${current}`);
  expect(window.status()).toBe(200);
  expect(await window.text()).toContain("Registre de la modération");
  expect((await request.get(`${REGISTER}/${current}/registre-moderation.csv`)).status()).toBe(200);
});

test("the register at 320 and 1280 px: no axe violation, nothing wider than the screen", async ({ page }) => {
  await page.goto(REGISTER);
  await expectAccessibleAtEachWidth(page);
});

test("the register is public, the rest of /moderation is not: signed out, sent to sign in; a council member, a 404", async ({
  browser,
}) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  for (const path of ["/moderation", "/moderation/publiees"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(new RegExp(`/connexion\\?callbackUrl=${encodeURIComponent(path)}$`));
  }
  expect((await page.goto(REGISTER))?.status()).toBe(200);
  await visitor.close();

  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  for (const path of ["/moderation", "/moderation/publiees"]) {
    expect((await memberPage.goto(path))?.status(), path).toBe(404);
    await expect(memberPage.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  }
  expect((await memberPage.goto(REGISTER))?.status()).toBe(200);
  await expect(memberPage.getByRole("heading", { level: 1, name: "Registre de la modération" })).toBeVisible();
  await member.close();
});

test("the footer, « Le plan », a fiche and the moderation pages link to the register", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Registre et règles de la modération" })).toHaveAttribute(
    "href",
    REGISTER,
  );
  await page.goto("/plan");
  await expect(page.getByRole("main").getByRole("link", { name: "le registre de la modération" })).toHaveAttribute("href", REGISTER);
  await page.goto(fichePath);
  await expect(page.getByRole("main").getByRole("link", { name: "règles et registre de la modération" })).toHaveAttribute(
    "href",
    `${REGISTER}#regles`,
  );
  await visitor.close();
  const moderator = await signedInContext(browser, demo.moderator);
  const modPage = await moderator.newPage();
  await modPage.goto("/moderation/publiees");
  await modPage.getByRole("main").getByRole("link", { name: "le registre de la modération" }).click();
  await expect(modPage.getByRole("heading", { level: 1, name: "Registre de la modération" })).toBeVisible();
  await moderator.close();
});
