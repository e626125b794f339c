import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoContributionSeeds } from "../../db/seed/demo-contributions";
import { openDataFileNames, type OpenDataFileName } from "../../lib/open-data/files";
import { checkCsv, checkJson, checkSchema, unguarded, type SchemaToCheck } from "../../tests/support/table-schema-check";
import { publishedProposal, submitProposal } from "../answers/helpers";
import { marker } from "../contributions/helpers";
import { hidePublished } from "../moderation/helpers";
import { demo, signedInContext } from "../support/auth";

/*
 * Open data (/donnees, issue 13): every file downloaded over HTTP follows the schema served next to
 * it, in CSV and JSON; a reader who has the current file gets a 304; a publication is in the next
 * download; and the bytes of the files never hold a pending, rejected, hidden or draft item (the
 * demo data has each), a reason, an e-mail — while a title written as a spreadsheet formula is
 * guarded in the CSV.
 */

async function schemaOf(request: APIRequestContext, name: OpenDataFileName): Promise<SchemaToCheck> {
  const response = await request.get(`/donnees/schemas/${name}.json`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  return (await response.json()) as SchemaToCheck;
}

async function download(request: APIRequestContext, name: OpenDataFileName, format: "csv" | "json") {
  const response = await request.get(`/donnees/${name}.${format}`);
  expect(response.status(), `${name}.${format}`).toBe(200);
  // The bytes as sent: a CSV's BOM is kept (text() would keep it too, but Buffer says it plainly).
  return { headers: response.headers(), text: (await response.body()).toString("utf8") };
}

/** Every text of the demo data that must never be public. */
const demoSecrets = demoContributionSeeds
  .filter((d) => d.status !== "published")
  .flatMap((d) => [d.body, d.title, d.rejectionReason, d.hiddenReason, ...(d.comments ?? []).map((c) => c.body)])
  .concat(demoContributionSeeds.flatMap((d) => (d.reports ?? []).map((r) => r.reason)))
  .filter((t): t is string => Boolean(t));

test("chaque fichier, en CSV et en JSON, suit le schéma servi à côté de lui, sans rien de non publié", async ({ request }) => {
  const schemas = Object.fromEntries(
    await Promise.all(openDataFileNames.map(async (name) => [name, await schemaOf(request, name)] as const)),
  ) as Record<OpenDataFileName, SchemaToCheck>;
  for (const name of openDataFileNames) {
    expect(checkSchema(schemas[name], schemas), `schéma ${name}`).toEqual([]);
    expect(schemas[name].licenses[0]).toMatchObject({ name: "etalab-2.0" });
    const csv = await download(request, name, "csv");
    const json = await download(request, name, "json");
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="projet-social-communal-${name}.csv"`);
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const fromCsv = checkCsv(schemas[name], csv.text);
    const fromJson = checkJson(schemas[name], json.text);
    expect(fromCsv.problems, `${name}.csv`).toEqual([]);
    expect(fromJson.problems, `${name}.json`).toEqual([]);
    expect(fromCsv.rows.map((r) => unguarded(schemas[name], r))).toEqual(fromJson.rows);
    for (const secret of [...demoSecrets, "@demo.aurillac.invalid"]) {
      expect(csv.text.includes(secret), `${name}.csv : ${secret}`).toBe(false);
      expect(json.text.includes(secret), `${name}.json : ${secret}`).toBe(false);
    }
  }
  const published = await download(request, "contributions", "json");
  for (const seed of demoContributionSeeds.filter((d) => d.status === "published"))
    expect(published.text).toContain(JSON.stringify(seed.body));
});

test("un fichier déjà reçu répond 304 ; une publication est dans le téléchargement suivant ; la formule est neutralisée, le masqué et l'attente absents", async ({
  browser,
  request,
}) => {
  const before = await request.get("/donnees/contributions.csv");
  const etag = before.headers()["etag"]!;
  expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
  expect(before.headers()["cache-control"]).toBe("public, no-cache");
  const again = await request.get("/donnees/contributions.csv", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
  // HEAD: the same validators, no body (the file is not even opened).
  const head = await request.head("/donnees/contributions.csv");
  expect(head.status()).toBe(200);
  expect(head.headers()["etag"]).toBe(etag);
  expect((await head.body()).length).toBe(0);

  const tag = marker("donnees");
  const formula = `=HYPERLINK("https://exemple.invalid/?v=${tag}";"Cliquez ici")`;
  const hidden = `Proposition masquée ${tag}`;
  const pending = `Proposition en attente ${tag}`;
  const formulaId = await publishedProposal(browser, formula, `Une proposition dont le titre ressemble à une formule. ${tag}`);
  const hiddenId = await publishedProposal(browser, hidden, "Une proposition publiée puis masquée par la Ville.");
  await hidePublished(browser, hiddenId, `Masquée pour le test des données ouvertes ${tag}.`);
  const member = await signedInContext(browser, demo.member1);
  await submitProposal(await member.newPage(), pending, "Une proposition soumise, pas encore relue par la Ville.");
  await member.close();

  // The old copy is no longer current: the same request now gets the new file.
  const after = await request.get("/donnees/contributions.csv", { headers: { "If-None-Match": etag } });
  expect(after.status()).toBe(200);
  expect(after.headers()["etag"]).not.toBe(etag);
  const csv = (await after.body()).toString("utf8");
  const json = (await download(request, "contributions", "json")).text;
  expect(csv).toContain(`"'${formula.replaceAll('"', '""')}"`);
  expect(csv).not.toMatch(/(^|;|\n)"?=HYPERLINK/);
  const row = (JSON.parse(json) as { identifiant: number; titre: string | null }[]).find((r) => r.identifiant === formulaId);
  expect(row?.titre).toBe(formula);
  for (const secret of [hidden, pending, `Masquée pour le test des données ouvertes ${tag}.`]) {
    expect(csv.includes(secret), `CSV : ${secret}`).toBe(false);
    expect(json.includes(secret), `JSON : ${secret}`).toBe(false);
  }
  const ids = (text: string, key: string) => (JSON.parse(text) as Record<string, unknown>[]).map((r) => r[key]);
  expect(ids(json, "identifiant")).not.toContain(hiddenId);
  expect(ids((await download(request, "reponses", "json")).text, "contribution")).not.toContain(hiddenId);
  expect(ids((await download(request, "soutiens", "json")).text, "contribution")).not.toContain(hiddenId);
});

test("la page /donnees mène aux fichiers : un lien télécharge le CSV sous son nom", async ({ page }) => {
  await page.goto("/donnees");
  const section = page.getByRole("region", { name: "Contributions publiées" });
  await expect(section.getByText(/Données modifiées pour la dernière fois le/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Licence Ouverte / Open Licence version 2.0" })).toHaveAttribute(
    "href",
    "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  );
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("link", { name: /^Télécharger en CSV : Contributions publiées/ }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("projet-social-communal-contributions.csv");
  await expect(section.getByRole("link", { name: /^Schéma du fichier « Contributions publiées »/ })).toHaveAttribute(
    "href",
    "/donnees/schemas/contributions.json",
  );
});

test("les adresses essayées avant les données ouvertes y mènent ; un fichier inconnu répond 404", async ({ request }) => {
  const fiches = await request.get("/fiches.json", { maxRedirects: 0 });
  expect(fiches.status()).toBe(308);
  expect(fiches.headers()["location"]).toBe("/donnees/fiches.json");
  const exported = await request.get("/export.csv", { maxRedirects: 0 });
  expect(exported.status()).toBe(308);
  expect(exported.headers()["location"]).toBe("/donnees");
  expect((await request.get("/donnees/fiches.json")).status()).toBe(200);
  for (const path of ["/donnees/utilisateurs.csv", "/donnees/contributions.xml", "/donnees/schemas/utilisateurs.json"])
    expect((await request.get(path)).status(), path).toBe(404);
});
