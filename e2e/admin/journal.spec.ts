import { expect, test } from "@playwright/test";
import { checkInert, payloads } from "../support/xss";
import { demo, signedInContext } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import {
  acceptInvitation,
  adminContext,
  createCouncilThroughAdmin,
  inviteThroughAdmin,
  uniqueEmail,
  expectAccessibleAtEachWidth,
} from "./helpers";

/** Reasons of at most 500 characters, together holding every payload. */
function reasonsOf(tag: string): string[] {
  const out: string[] = [];
  let current = tag;
  for (const p of payloads) {
    if ((current + "\n" + p).length > 480) {
      out.push(current);
      current = tag;
    }
    current += "\n" + p;
  }
  out.push(current);
  return out;
}

test("display names, council names and reasons with HTML are inert text on /admin/journal; filters work by keyboard", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = `XSS-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const dialogs: string[] = [];
  const admin = await adminContext(browser);
  admin.on("page", (p) => p.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss())));
  const page = await admin.newPage();

  // A person whose display name is a payload (the invitation's acceptance is journaled with them as actor).
  const email = uniqueEmail("xss");
  const link = await inviteThroughAdmin(page, email, ["Modération"]);
  const displayName = `<img src=x onerror=alert(1)>${tag}`;
  const invited = await acceptInvitation(browser, link, email, displayName);
  await invited.context.close();

  // A council whose name is a payload, archived and brought back with payload reasons.
  const councilName = `<script>alert(1)</script> ${tag}`;
  await createCouncilThroughAdmin(page, councilName);
  const reasons = reasonsOf(tag);
  for (const [i, reason] of reasons.entries()) {
    const archiving = i % 2 === 0;
    const form = page.getByRole("form", { name: archiving ? "Archiver le conseil" : "Rendre le conseil de nouveau visible" });
    await form.getByLabel(/^Raison/).fill(reason);
    await form.getByRole("button", { name: archiving ? "Archiver le conseil" : "Rendre le conseil visible" }).click();
    await expect(
      page.getByRole("form", { name: archiving ? "Rendre le conseil de nouveau visible" : "Archiver le conseil" }),
    ).toBeVisible();
  }

  // The journal, filtered by keyboard: the action, then the actor.
  await page.goto("/admin/journal");
  const filters = page.getByRole("search", { name: "Filtrer le journal" });
  await tabUntilFocused(page, filters.getByLabel("Type d'action"));
  await filters.getByLabel("Type d'action").selectOption({ label: "Conseil archivé" });
  await tabUntilFocused(page, filters.getByRole("button", { name: "Filtrer" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/action=council\.archive/);
  const results = page.getByRole("region", { name: "Résultats" });
  const archived = results.getByRole("listitem").filter({ hasText: `Conseil : ${councilName}` });
  await expect(archived).toHaveCount(Math.ceil(reasons.length / 2));
  await expect(archived.first()).toContainText("<script>alert(1)</script>");
  await expect(archived.first()).toContainText("Conseil archivé");
  await checkInert(page);

  await page.goto(`/admin/journal?auteur=${encodeURIComponent(tag)}`);
  const byThem = page.getByRole("region", { name: "Résultats" }).getByRole("listitem");
  await expect(byThem.first()).toContainText(`${displayName} (${email}) a accepté une invitation.`);
  await expect(byThem.first()).toContainText("Invitation acceptée");
  await checkInert(page);

  // Everything at once, without filters: still text.
  await page.goto("/admin/journal");
  await expect(page.getByText(displayName).first()).toBeVisible();
  await checkInert(page);
  expect(dialogs).toEqual([]);
  await admin.close();
});

test("the journal goes page by page along a cursor, newest first, keeping the filters", async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = `Pages-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const admin = await adminContext(browser);
  const page = await admin.newPage();

  // A council of its own with 51 journal rows: its creation, then 25 archivings and 25 returns.
  const councilName = `Conseil ${tag}`;
  const councilId = await createCouncilThroughAdmin(page, councilName);
  for (let i = 0; i < 50; i++) {
    const archiving = i % 2 === 0;
    const form = page.getByRole("form", { name: archiving ? "Archiver le conseil" : "Rendre le conseil de nouveau visible" });
    await form.getByLabel(/^Raison/).fill(`Essai ${i + 1}`);
    await form.getByRole("button", { name: archiving ? "Archiver le conseil" : "Rendre le conseil visible" }).click();
    await expect(
      page.getByRole("form", { name: archiving ? "Rendre le conseil de nouveau visible" : "Archiver le conseil" }),
    ).toBeVisible();
  }

  // Its journal: the 50 newest, then « Entrées plus anciennes » (a cursor, the filter kept), then back.
  await page.goto(`/admin/journal?conseil=${councilId}`);
  const results = page.getByRole("region", { name: "Résultats" });
  const entries = results.locator("ol > li");
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toContainText("Conseil rendu de nouveau visible");
  await expect(entries.first()).toContainText("Essai 50");
  await expect(entries.last()).toContainText(/Essai 1\s*$/);
  const pages = results.getByRole("navigation", { name: "Pages du journal" });
  await expect(pages.getByRole("link", { name: "Les plus récentes" })).toHaveCount(0);
  await expect(results).not.toContainText(/page \d+ sur/i);
  await pages.getByRole("link", { name: "Entrées plus anciennes" }).click();
  await expect(page).toHaveURL(new RegExp(`conseil=${councilId}&avant=\\d+`));
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Conseil créé");
  await expect(page.getByRole("search", { name: "Filtrer le journal" }).getByLabel("Conseil")).toHaveValue(councilId!);
  await expect(pages.getByRole("link", { name: "Entrées plus anciennes" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Les plus récentes" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?conseil=${councilId}#resultats$`));
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toContainText("Essai 50");

  // Two filters at once fit on one page: no links at all.
  await page.goto(`/admin/journal?conseil=${councilId}&action=council.archive`);
  await expect(entries).toHaveCount(25);
  await expect(results.getByRole("navigation", { name: "Pages du journal" })).toHaveCount(0);
  // A cursor that is not an id is the first page.
  await page.goto(`/admin/journal?conseil=${councilId}&avant=abc`);
  await expect(entries).toHaveCount(50);
  await admin.close();
});

test("the journal passes axe at 320 and 1280 px; only administrators see it", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  await page.goto("/admin/journal");
  await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu de l'administration" }).getByRole("link", { name: "Journal" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectAccessibleAtEachWidth(page);
  // A filter with no result says so.
  await page.goto("/admin/journal?auteur=personne-ne-porte-ce-nom-zz");
  await expect(page.getByText("Aucune action ne correspond à ces filtres.")).toBeVisible();
  await admin.close();

  for (const who of [demo.moderator, demo.referent1, demo.official]) {
    const context = await signedInContext(browser, who);
    const other = await context.newPage();
    for (const path of ["/admin/journal", "/admin/parametres"]) {
      const response = await other.goto(path);
      expect(response?.status(), `${who} ${path}`).toBe(404);
    }
    await context.close();
  }
});
