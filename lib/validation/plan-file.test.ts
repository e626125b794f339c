import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanFile, pathOf, PLAN_FILE_ERRORS_MAX, planFileJsonSchema, serializePlanFile } from "./plan-file";

const fixture = readFileSync(path.resolve(import.meta.dirname, "../../e2e/fixtures/plan-demoville.json"), "utf8");

/** The fixture changed by `change`, parsed: its errors, or [] when it is accepted. */
function errorsOf(change: (file: ReturnType<typeof JSON.parse>) => void): string[] {
  const file = JSON.parse(fixture);
  change(file);
  const parsed = parsePlanFile(JSON.stringify(file));
  return parsed.ok ? [] : parsed.errors;
}

describe("the plan file's schema", () => {
  it("accepts the Démoville fixture and gives it back byte for byte once serialized", () => {
    const parsed = parsePlanFile(fixture);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(JSON.parse(serializePlanFile(parsed.file))).toEqual(JSON.parse(fixture));
    // A byte order mark (a file saved by a Windows editor) is not an error.
    expect(parsePlanFile(`\uFEFF${fixture}`).ok).toBe(true);
  });

  it("names each error's place as in the documentation: fiches[3].titre, (fichier) for the whole", () => {
    expect(pathOf(["fiches", 3, "titre"])).toBe("fiches[3].titre");
    expect(pathOf(["thematiques", 0, "fiches", 2])).toBe("thematiques[0].fiches[2]");
    expect(pathOf([])).toBe("(fichier)");
  });

  it("refuses what is not a plan file, in French", () => {
    expect(parsePlanFile("")).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(fichier\) : ce n'est pas du JSON valide/)] });
    expect(parsePlanFile("[]")).toEqual({ ok: false, errors: ["(fichier) : doit être un objet { … } (reçu : une liste)"] });
    expect(errorsOf((f) => (f.format = "autre-chose"))).toEqual([
      "format : doit valoir « projet-social-communal » : ce fichier n'est pas un plan exporté par la plateforme",
    ]);
    expect(errorsOf((f) => (f.version = 2))).toEqual([
      "version : doit valoir 1 : cette version de la plateforme lit les fichiers de la version 1",
    ]);
  });

  it("gives one message per error, with its place", () => {
    expect(
      errorsOf((f) => {
        delete f.fiches[3].titre;
        f.fiches[0].avancement = 140;
        f.fiches[0].points_etape[0].date = "2025-02-30";
        f.fiches[1].liens = [{ texte: "Piège", adresse: "javascript:alert(1)" }];
        f.thematiques[0].numero = "1";
        f.conseils[0].demonstration = "non";
        f.etapes[0].precision = "semaine";
        f.plan.titre = "   ";
        f.plan.resume = "x".repeat(20_001);
        f.fiches[2].en_bref = "a\u0000b";
        f.conseils[1].nom_du_conseil = "?";
      }),
    ).toEqual([
      "plan.titre : ne doit pas être vide",
      "plan.resume : 20000 caractères au plus",
      "etapes[0].precision : doit valoir « jour », « mois » ou « annee »",
      "thematiques[0].numero : doit être un nombre (reçu : un texte)",
      "fiches[0].avancement : doit être un nombre entier de 0 à 100",
      "fiches[0].points_etape[0].date : doit être une date réelle au format AAAA-MM-JJ (par exemple « 2015-10-09 »)",
      "fiches[1].liens[0].adresse : doit être une adresse web en http:// ou https://",
      "fiches[2].en_bref : caractères invalides (caractères de contrôle)",
      "fiches[3].titre : ce champ est obligatoire",
      "conseils[0].demonstration : doit valoir true ou false",
      "conseils[1] : champ inconnu : « nom_du_conseil »",
    ]);
  });

  it("checks what refers to another part of the file: themes' fiches, unique identifiers and numbers, a change's report", () => {
    expect(
      errorsOf((f) => {
        f.thematiques[1].numero = 1;
        f.thematiques[0].fiches.push("creche-des-tilleuls");
        f.fiches[4].identifiant = "jardins-partages";
        f.fiches[0].changements_echeance[0].point_etape = "cafe-des-parents:ouverture";
        f.fiches[4].points_etape[0].identifiant = "creche-des-tilleuls:permis";
        f.plan.annee_fin = 2020;
      }),
    ).toEqual([
      "plan.annee_fin : doit être égale ou postérieure à annee_debut",
      "thematiques[1].numero : le numéro « 1 » figure deux fois (déjà à l'index 0)",
      "fiches[4].identifiant : l'identifiant « jardins-partages » figure deux fois (déjà à l'index 3)",
      "fiches[4].points_etape[0].identifiant : l'identifiant « creche-des-tilleuls:permis » figure deux fois (déjà à l'index 0)",
      "thematiques[0].fiches[2] : la fiche « creche-des-tilleuls » figure deux fois (déjà à l'index 0)",
      // The fiche renamed above is no longer there for its theme.
      "thematiques[2].fiches[1] : aucune fiche n'a l'identifiant « maison-des-quartiers »",
      "fiches[0].changements_echeance[0].point_etape : aucun point d'étape de cette fiche n'a l'identifiant « cafe-des-parents:ouverture »",
    ]);
  });

  it(`lists the first ${PLAN_FILE_ERRORS_MAX} errors, then how many more`, () => {
    const errors = errorsOf((f) => {
      f.fiches = Array.from({ length: 80 }, () => ({}));
    });
    expect(errors).toHaveLength(PLAN_FILE_ERRORS_MAX + 1);
    expect(errors.at(-1)).toMatch(/^… et \d+ autres erreurs\.$/);
  });
});

describe("docs/format-plan.schema.json", () => {
  it("is the JSON Schema of this very schema (after a change of the format: npx tsx scripts/plan-file-schema.ts)", () => {
    const written = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../docs/format-plan.schema.json"), "utf8"));
    expect(written).toEqual(planFileJsonSchema());
  });
});
