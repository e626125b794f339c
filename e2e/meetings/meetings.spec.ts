import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { testHooksToken } from "../../playwright.config";
import { expectAccessible, expectAccessibleAtEachWidth } from "../support/accessibility";
import { demo, signedInContext } from "../support/auth";
import { expectReadableSlide, expectToolbarOnOneLine, slideNumberOf } from "./slide-measures";

/*
 * Meetings and the presentation mode, end to end: an official prepares a meeting with the
 * agenda editor (keyboard only), the public sees it, the official presents it (keyboard, the
 * address follows, a reload keeps the place), freezes the data (a new report does not move the
 * frozen slides, while the live ones follow it), prints one slide per A4 landscape page, and the
 * presenter window follows the projector window both ways.
 */
const FICHE = "maison-des-associations";
const FICHE_TITLE = "Développer le rôle de la Maison des Associations";
const THEME = "animation-territoriale";

test.describe.configure({ mode: "serial" });

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toISOString().slice(0, 10);

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** A point d'étape posted by the demo moderator, as its form would (test seam: postProgressReport). */
async function postReport(page: Page, title: string, progress: number, extra: Record<string, string> = {}) {
  const response = await page.request.post("/api/test-hooks/progress-reports", {
    headers: { "x-test-hooks-token": testHooksToken },
    form: {
      actionSlug: FICHE,
      clientRequestId: randomUUID(),
      reportedOn: day(0),
      title,
      body: `${title} : texte du point d'étape.`,
      status: "in_progress",
      progress: String(progress),
      ...extra,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Fills the new-meeting form with the keyboard: add items, choose, type, move one up, remove one. */
async function createMeetingByKeyboard(page: Page, title: string, date: string, secret: string): Promise<string> {
  await page.goto("/espace/reunions/nouvelle");
  await page.locator("#nouvelle-reunion-titre").fill(title);
  await page.locator("#nouvelle-reunion-date").fill(date);
  await page.locator("#nouvelle-reunion-heure").fill("18:30");
  await page.locator("#nouvelle-reunion-lieu").fill("Salle Jean-Baptiste Veyre, Aurillac");

  const add = page.getByRole("button", { name: "Ajouter un point à l'ordre du jour" });
  for (let i = 1; i <= 4; i++) {
    await add.focus();
    await page.keyboard.press("Enter");
    // The focus goes to the new item's first field.
    await expect(page.locator(`#nouvelle-reunion-point-${i - 1}-contenu`)).toBeFocused();
  }
  await page.locator("#nouvelle-reunion-point-0-intitule").fill("Questions de la salle");
  await page.locator("#nouvelle-reunion-point-1-contenu").selectOption(`theme:${THEME}`);
  await page.locator("#nouvelle-reunion-point-2-contenu").selectOption(`action:${FICHE}`);
  await page.locator("#nouvelle-reunion-point-2-notes").fill(`${secret} : citer les chiffres de fréquentation.`);
  await page.locator("#nouvelle-reunion-point-3-intitule").fill("Point à retirer");

  // « Questions de la salle » goes to the end: Descendre ×2 with the keyboard, the focus follows it.
  await page.getByRole("button", { name: "Descendre le point 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Descendre le point 2" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#nouvelle-reunion-point-2-intitule")).toHaveValue("Questions de la salle");
  await expect(page.getByRole("status").or(page.locator("[aria-live=polite]")).filter({ hasText: "déplacé en position 3" })).toHaveCount(1);
  // Then « Point à retirer » goes away.
  await page.getByRole("button", { name: "Retirer le point 4" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: /^Point \d$/ })).toHaveCount(3);
  await expect(page.locator("#nouvelle-reunion-point-0-contenu")).toHaveValue(`theme:${THEME}`);
  await expect(page.locator("#nouvelle-reunion-point-1-contenu")).toHaveValue(`action:${FICHE}`);

  await page.getByRole("button", { name: "Créer la réunion" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/espace\/reunions\/[a-z0-9-]+\?cree=1$/);
  await expect(page.getByText("La réunion est créée et annoncée sur le site.")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function official(browser: Browser) {
  const context = await signedInContext(browser, demo.official);
  return { context, page: await context.newPage() };
}

test("the form keeps what was typed and says in French what to fix", async ({ browser }) => {
  const { context, page } = await official(browser);
  await page.goto("/espace/reunions/nouvelle");
  await page.locator("#nouvelle-reunion-titre").fill("Réunion sans lieu");
  await page.getByRole("button", { name: "Ajouter un point à l'ordre du jour" }).click();
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByText("Indiquez la date de la réunion.")).toBeVisible();
  await expect(page.getByText("Indiquez le lieu de la réunion.")).toBeVisible();
  await expect(page.getByText("Écrivez un intitulé, ou choisissez une thématique ou une fiche.")).toBeVisible();
  await expect(page.locator("#nouvelle-reunion-titre")).toHaveValue("Réunion sans lieu");
  await expect(page.locator("#nouvelle-reunion-date")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("prepare, publish, present by keyboard, freeze, print and follow in the presenter window", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await official(browser);
  const tag = randomUUID().slice(0, 8);
  const title = `Réunion de restitution ${tag}`;
  const secret = `NOTE-PRIVEE-${tag}`;
  const slug = await createMeetingByKeyboard(page, title, day(75), secret);

  // The public sees the meeting (no session), without the presenter's notes.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto("/reunions");
  await expect(publicPage.getByRole("link", { name: title })).toBeVisible();
  await publicPage.getByRole("link", { name: title }).click();
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(publicPage.getByText("Salle Jean-Baptiste Veyre, Aurillac")).toBeVisible();
  const agenda = publicPage.getByRole("region", { name: "Ordre du jour" }).getByRole("listitem");
  await expect(agenda).toHaveText(["Thématique 4 : Animation territoriale", FICHE_TITLE, "Questions de la salle"]);
  expect(await publicPage.content()).not.toContain(secret);
  await visitor.close();

  // Present on a 1920 × 1080 screen: the title, what changed, the theme, the fiche, the free label
  // and the closing slide — those with more to say over several slides.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/presentation/${slug}`);
  const current = page.locator(".slide-page.contents");
  const live = page.locator("[aria-live=polite]");
  const total = await page.locator(".slide-page").count();
  expect(total).toBeGreaterThanOrEqual(7);
  const expectSlide = async (n: number, of = total) => {
    await expect(page).toHaveURL(new RegExp(`[?&]diapo=${n}$`));
    await expect(current).toContainText(`${n} / ${of}`);
    return expectReadableSlide(page);
  };
  await expectSlide(1);
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole("banner")).toBeHidden();
  for (let n = 2; n <= total; n++) {
    await page.keyboard.press(n % 2 === 0 ? "ArrowRight" : "PageDown");
    await expectSlide(n);
  }
  await expect(live).toHaveText(`Diapositive ${total} sur ${total} : Merci de votre attention`);
  await expect(page.getByRole("img", { name: /Code QR vers le site du projet social communal/ })).toBeVisible();
  await page.keyboard.press("Home");
  await expectSlide(1);
  await page.keyboard.press("End");
  await expectSlide(total);
  // Back over « Questions de la salle » to the fiche's last slide.
  await page.keyboard.press("PageUp");
  await page.keyboard.press("ArrowLeft");
  await expectSlide(total - 2);
  await expect(page.getByRole("heading", { level: 2, name: FICHE_TITLE })).toBeVisible();
  await page.keyboard.press(" ");
  await expectSlide(total - 1);
  await expect(page.getByRole("heading", { level: 2, name: "Questions de la salle" })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await page.reload();
  await expectSlide(total - 2);

  // The theme: big numbers, each fiche with its deadline, its slides numbered « 1/N ».
  const themeSlide = await slideNumberOf(page, "Animation territoriale");
  await page.goto(`/presentation/${slug}?diapo=${themeSlide}`);
  await expectSlide(themeSlide);
  await expect(current.getByText("Thématique 4", { exact: false }).first()).toBeVisible();
  await expect(current.getByText(/^\d+$/).first()).toBeVisible();
  await expect(current.getByText(/^Échéance (: |non précisée)/).first()).toBeVisible();

  // The fiche: its QR code over a quarter of the slide's height, then what was said.
  const ficheSlide = await slideNumberOf(page, FICHE_TITLE);
  await page.goto(`/presentation/${slug}?diapo=${ficheSlide}`);
  const overview = await expectSlide(ficheSlide);
  expect(overview.qr).toHaveLength(1);
  await expect(page.getByRole("img", { name: new RegExp(`Code QR vers la page de la fiche : http.*/fiches/${FICHE}`) })).toBeVisible();
  await expectAccessible(page, 1920);

  // Live data: a new report, with a moved deadline, shows on the fiche's slides at the next load.
  const liveReport = `Point en direct ${tag}`;
  const movedTo = `Échéance déplacée ${tag}`;
  await postReport(page, liveReport, 35, {
    "deadline.move": "on",
    "deadline.date": day(400),
    "deadline.label": movedTo,
    "deadline.reason": `Le chantier a pris du retard ${tag}.`,
  });
  await page.reload();
  const ficheNow = await slideNumberOf(page, FICHE_TITLE);
  const ficheTotal = await page.locator(".slide-page").count();
  await page.goto(`/presentation/${slug}?diapo=${ficheNow}`);
  await expectSlide(ficheNow, ficheTotal);
  await expect(current.getByText(`Échéance : ${movedTo}`)).toBeVisible();
  await expect(current.getByText("35\u00a0%", { exact: true })).toBeVisible();
  await page.goto(`/presentation/${slug}?diapo=${ficheNow + 1}`);
  await expectSlide(ficheNow + 1, ficheTotal);
  await expect(current.getByText(`: ${liveReport}`)).toBeVisible();
  await expect(current.getByText("Données en direct")).toBeVisible();

  // Freeze: the slides show « État au … » and no longer move.
  await page.getByRole("button", { name: "Figer les données" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Les données sont figées" })).toBeVisible();
  // The answer shows above the toolbar, which keeps its one line at 1280 px.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectToolbarOnOneLine(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await expect(current.getByText(/^État au /)).toBeVisible();
  const frozenReport = `Point après le gel ${tag}`;
  await postReport(page, frozenReport, 60);
  await page.reload();
  await expectSlide(ficheNow + 1, ficheTotal);
  await expect(current.getByText(`: ${liveReport}`)).toBeVisible();
  await expect(page.getByText(frozenReport)).toHaveCount(0);
  await page.goto(`/presentation/${slug}?diapo=${ficheNow}`);
  await expect(current.getByText("35\u00a0%", { exact: true })).toBeVisible();
  // … while the live data moved: the fiche's public page shows the new report.
  const fichePage = await context.newPage();
  await fichePage.goto(`/fiches/${FICHE}`);
  await expect(fichePage.getByRole("heading", { name: frozenReport })).toBeVisible();
  await fichePage.close();

  // The toolbar holds on one line at 1280 px, even with both freeze buttons.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectToolbarOnOneLine(page);
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Printing: one A4 landscape page per slide.
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  expect(pdfPageCount(pdf)).toBe(ficheTotal);
  await page.emulateMedia({ media: "screen" });

  // The presenter window (same browser) follows the projector, and drives it; the fiche's notes
  // show on each of its slides.
  await page.goto(`/presentation/${slug}?diapo=${ficheTotal - 2}`);
  const presenter = await context.newPage();
  await presenter.goto(`/presentation/${slug}/presentateur`);
  const presenterCounter = presenter.getByText(new RegExp(`^Diapositive \\d+ / ${ficheTotal}$`));
  await expect(presenterCounter).toHaveText(`Diapositive ${ficheTotal - 2} / ${ficheTotal}`);
  await expect(presenter.getByText(`${secret} : citer les chiffres de fréquentation.`)).toBeVisible();
  await expect(presenter.getByRole("heading", { name: "Diapositive suivante : Questions de la salle" })).toBeVisible();
  await expect(presenter.getByText(/^Heure : \d\d:\d\d:\d\d$/)).toBeVisible();
  await page.bringToFront();
  await page.keyboard.press("ArrowRight");
  await expectSlide(ficheTotal - 1, ficheTotal);
  await expect(presenterCounter).toHaveText(`Diapositive ${ficheTotal - 1} / ${ficheTotal}`);
  await presenter.bringToFront();
  await presenter.keyboard.press("PageUp");
  await presenter.keyboard.press("PageUp");
  await expect(presenterCounter).toHaveText(`Diapositive ${ficheTotal - 3} / ${ficheTotal}`);
  await expectSlide(ficheTotal - 3, ficheTotal);

  // Back to live data (possible before the meeting): the new report shows.
  await page.goto(`/presentation/${slug}?diapo=${ficheNow + 1}`);
  await page.getByRole("button", { name: "Revenir aux données en direct" }).click();
  await expect(page.getByRole("status").filter({ hasText: "données en direct" })).toBeVisible();
  await page.goto(`/presentation/${slug}?diapo=${(await slideNumberOf(page, FICHE_TITLE)) + 1}`);
  await expect(current.getByText(`: ${frozenReport}`)).toBeVisible();
  await context.close();
});

test("after the meeting: minutes, public slides without notes, printable", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await official(browser);
  const tag = randomUUID().slice(0, 8);
  const title = `Réunion passée ${tag}`;
  const secret = `NOTE-PRIVEE-${tag}`;
  const slug = await createMeetingByKeyboard(page, title, day(-20), secret);
  const minutes = `Compte rendu ${tag}\n\nUne centaine d'habitants étaient présents.`;
  await page.locator("#compte-rendu-texte").fill(minutes);
  await page.getByRole("button", { name: "Publier le compte rendu" }).click();
  await expect(page.getByText("Le compte rendu est publié.")).toBeVisible();

  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto("/reunions");
  await expect(publicPage.getByRole("region", { name: "Réunions passées" }).getByRole("link", { name: title })).toBeVisible();
  await publicPage.goto(`/reunions/${slug}`);
  await expect(publicPage.getByText(`Compte rendu ${tag}`)).toBeVisible();
  await publicPage.getByRole("link", { name: "Voir les diapositives présentées lors de la réunion" }).click();
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const publicSlides = publicPage.getByRole("region", { name: /^Diapositive \d+ sur \d+$/ });
  const publicCount = await publicSlides.count();
  expect(publicCount).toBeGreaterThanOrEqual(7);
  await expect(publicSlides.last()).toHaveAccessibleName(`Diapositive ${publicCount} sur ${publicCount}`);
  expect(await publicPage.content()).not.toContain(secret);
  const pdf = await publicPage.pdf({ format: "A4", landscape: true, printBackground: true });
  expect(pdfPageCount(pdf)).toBe(publicCount);
  await expectAccessibleAtEachWidth(publicPage);
  await visitor.close();
  await context.close();
});

test("accessibility: meeting pages, slides and the presenter view at 320 and 1280 px, the presentation at 1920 px", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await official(browser);
  await page.goto("/espace/reunions");
  const slug = "reunion-de-restitution-demonstration";
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto("/reunions");
  // The menu's link (the desktop line, or folded in the phone's « Menu », a <details>, hidden until opened).
  await expect(publicPage.getByRole("link", { name: "Réunions", exact: true, includeHidden: true }).first()).toHaveAttribute(
    "aria-current",
    "page",
  );
  // axe: /reunions is scanned, in this same state, by public/accessibility.spec.ts.
  await publicPage.goto(`/reunions/${slug}`);
  await expect(publicPage.getByRole("link", { name: "Réunions", exact: true, includeHidden: true }).first()).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectAccessibleAtEachWidth(publicPage);
  for (const path of [
    "/espace/reunions",
    `/espace/reunions/${slug}`,
    "/espace/reunions/nouvelle",
    `/presentation/${slug}?diapo=3`,
    `/presentation/${slug}/presentateur?diapo=3`,
  ]) {
    await page.goto(path);
    await expectAccessibleAtEachWidth(page);
  }
  // The projector's screen: the presentation pages at 1920 px too (« what changed » and a theme).
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const path of [`/presentation/${slug}?diapo=2`, `/presentation/${slug}?diapo=5`, `/presentation/${slug}/presentateur?diapo=5`]) {
    await page.goto(path);
    await expectAccessible(page, 1920);
  }
  await visitor.close();
  await context.close();
});

test("only officials, staff and admins may present; only officials and admins manage meetings", async ({ browser }) => {
  const slug = "reunion-de-restitution-demonstration";
  for (const [email, present, manage] of [
    [demo.moderator, true, false],
    [demo.member1, false, false],
    [demo.admin, true, true],
  ] as const) {
    const context = await signedInContext(browser, email);
    const page = await context.newPage();
    expect((await page.goto(`/presentation/${slug}`))!.status(), email).toBe(present ? 200 : 404);
    expect((await page.goto(`/presentation/${slug}/presentateur`))!.status(), email).toBe(present ? 200 : 404);
    expect((await page.goto("/espace/reunions"))!.status(), email).toBe(present ? 200 : 404);
    expect((await page.goto(`/espace/reunions/${slug}`))!.status(), email).toBe(manage ? 200 : 404);
    await context.close();
  }
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(`/presentation/${slug}`);
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
  expect((await page.goto(`/reunions/${slug}/diaporama`))!.status()).toBe(404);
  await anonymous.close();
});

test("the meeting lists go 20 at a time: a page past the last, or written otherwise, is not found", async ({ browser }) => {
  // /reunions is page 1 of the past meetings; the shared database holds fewer than 20, so no other page exists.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const page = await visitor.newPage();
  await page.goto("/reunions");
  await expect(page.getByRole("navigation", { name: "Pages des réunions passées" })).toHaveCount(0);
  for (const path of ["/reunions/passees/1", "/reunions/passees/2", "/reunions/passees/deux", "/reunions/passees/0"])
    expect((await page.goto(path))!.status(), path).toBe(404);
  await visitor.close();
  const staff = await signedInContext(browser, demo.admin);
  const staffPage = await staff.newPage();
  expect((await staffPage.goto("/espace/reunions?page=1"))!.status()).toBe(200);
  await expect(staffPage.getByRole("navigation", { name: "Pages des réunions" })).toHaveCount(0);
  for (const path of ["/espace/reunions?page=2", "/espace/reunions?page=x"]) expect((await staffPage.goto(path))!.status(), path).toBe(404);
  await staff.close();
});
