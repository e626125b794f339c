import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { CSV_SEPARATOR } from "@/lib/csv";
import {
  OPEN_LICENCE,
  openDataFileNames,
  openDataFiles,
  openDataPath,
  openDataSchemaPath,
  type FieldSpec,
  type OpenDataFormat,
} from "@/lib/open-data/files";
import { CSV_FALSE, CSV_TRUE } from "@/lib/open-data/table-schema";
import { siteNameOf } from "@/lib/city-identity";
import { getDb } from "@/server/db";
import { loadCityIdentity } from "@/server/settings/city-identity";
import { appOpenDataStore, type OpenDataExport } from "@/server/open-data/export-store";

/*
 * /donnees: the open data files, what each holds, their licence and when their data last changed.
 * Cached like the other public pages and refreshed with the files (server/cache.ts), at least
 * hourly. Rendering it writes the files that are missing or stale (server/open-data/export-store.ts).
 */
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const site = siteNameOf(await loadCityIdentity());
  return {
    title: "Données ouvertes",
    description: `Les données publiques — ${site} — en CSV et JSON, sous Licence Ouverte 2.0 : thématiques, fiches actions, points d'étape, contributions publiées, réponses de la Ville, soutiens et réunions.`,
  };
}

const typeWords: Record<FieldSpec["type"], string> = {
  string: "texte",
  integer: "nombre entier",
  boolean: `${CSV_TRUE} / ${CSV_FALSE}`,
  date: "date (AAAA-MM-JJ)",
  datetime: "date et heure UTC",
};

const sizeFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
function sizeOf(bytes: number): string {
  if (bytes < 1000) return `${bytes} octets`;
  if (bytes < 1_000_000) return `${sizeFormat.format(bytes / 1000)} Ko`;
  return `${sizeFormat.format(bytes / 1_000_000)} Mo`;
}

const formatWords: Record<OpenDataFormat, string> = { csv: "CSV", json: "JSON" };

function FileSection({ current }: { current: OpenDataExport }) {
  const file = openDataFiles[current.name];
  const changedAt = new Date(Math.max(current.forms.csv.changedAt.getTime(), current.forms.json.changedAt.getTime()));
  const id = `fichier-${file.name}`;
  return (
    <Section id={id} title={file.title}>
      <p>{file.description}</p>
      <ul className="mt-3 space-y-1">
        <li>
          {current.rows.toLocaleString("fr-FR")} {current.rows < 2 ? "ligne" : "lignes"}.
        </li>
        <li>
          Données modifiées pour la dernière fois le <time dateTime={isoDateTime(changedAt)}>{formatDateTime(changedAt)}</time>.
        </li>
      </ul>
      <ul className="mt-4 flex flex-col gap-x-6 gap-y-1 sm:flex-row sm:flex-wrap">
        {(["csv", "json"] as const).map((format) => (
          <li key={format}>
            <TextLink href={openDataPath(file.name, format)} className="inline-flex min-h-11 items-center">
              Télécharger en {formatWords[format]}
              <span className="sr-only"> : {file.title}</span>&nbsp;({sizeOf(current.forms[format].bytes)})
            </TextLink>
          </li>
        ))}
        <li>
          <TextLink href={openDataSchemaPath(file.name)} className="inline-flex min-h-11 items-center">
            Schéma<span className="sr-only"> du fichier « {file.title} »</span>&nbsp;(Table Schema, JSON)
          </TextLink>
        </li>
      </ul>
      <details className="mt-4 rounded-md border border-slate-300 p-3 sm:p-4">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold">
          Les {file.fields.length} colonnes<span className="sr-only"> du fichier « {file.title} »</span>
        </summary>
        <dl className="mt-3 space-y-3">
          {file.fields.map((field) => (
            <div key={field.name}>
              <dt className="font-mono font-semibold break-all">{field.name}</dt>
              <dd>
                {field.title} — {typeWords[field.type]}
                {field.required ? ", toujours renseigné" : ""}. {field.description}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </Section>
  );
}

export default async function OpenDataPage() {
  const db = await getDb();
  const identity = await loadCityIdentity();
  const store = appOpenDataStore();
  const exports = await Promise.all(openDataFileNames.map((name) => store.current(db, name)));
  return (
    <Container>
      <PageHeading
        title="Données ouvertes"
        lead={
          <p>
            Tout ce que ce site publie sur le projet social communal, en fichiers à télécharger, à réutiliser librement et à croiser avec
            d&apos;autres données.
          </p>
        }
      />
      <Prose>
        <h2 id="licence">Licence</h2>
        <p>
          Ces données sont publiées sous la <TextLink href={OPEN_LICENCE.path}>{OPEN_LICENCE.title}</TextLink> (Etalab 2.0) : vous pouvez
          les copier, les diffuser, les modifier et les exploiter, y compris à des fins commerciales, en mentionnant leur source («&nbsp;
          {identity.cityName} — {identity.serviceName.toLowerCase()}&nbsp;») et la date de leur dernière mise à jour.
        </p>

        <h2 id="contenu-des-fichiers">Ce que contiennent les fichiers</h2>
        <p>
          Exactement ce que les pages du site montrent : les contributions publiées après modération, jamais un brouillon, une contribution
          en attente, refusée ou masquée, ni un motif de refus. Aucune adresse électronique. Une contribution est signée du nom affiché de
          la personne qui l&apos;a écrite, comme sur le site ; si elle a supprimé son compte, « Ancien membre du conseil … ».
        </p>
        <p>
          Chaque ligne a un identifiant stable, le même en CSV et en JSON et d&apos;un téléchargement à l&apos;autre : un numéro, ou
          l&apos;identifiant qui figure dans l&apos;adresse de sa page (par exemple /fiches/&lt;identifiant&gt;). Les fichiers se répondent
          par ces identifiants : une contribution nomme sa fiche, une réponse ou un soutien nomme sa contribution.
        </p>

        <h2 id="formats">Formats</h2>
        <ul>
          <li>
            <strong>CSV</strong> : encodage UTF-8 (avec l&apos;indicateur qui permet aux tableurs d&apos;afficher les accents), colonnes
            séparées par « {CSV_SEPARATOR} », première ligne = noms des colonnes. Une cellule vide est une valeur absente ; « {CSV_TRUE} »
            et « {CSV_FALSE} » pour oui et non. Un texte qui commence par =, +, - ou @ est précédé d&apos;une apostrophe, pour qu&apos;un
            tableur ne le prenne pas pour une formule.
          </li>
          <li>
            <strong>JSON</strong> : une liste d&apos;objets, un par ligne, avec les mêmes champs ; null pour une valeur absente ; les textes
            tels qu&apos;ils sont publiés.
          </li>
          <li>Dates au format AAAA-MM-JJ ; dates et heures en temps universel (UTC), au format AAAA-MM-JJThh:mm:ssZ.</li>
          <li>
            <strong>Schéma</strong> : chaque fichier est décrit colonne par colonne au format Table Schema, celui de schema.data.gouv.fr ;
            un outil comme Validata peut vérifier un fichier avec lui.
          </li>
        </ul>

        <h2 id="mise-a-jour">Mise à jour</h2>
        <p>
          Les fichiers sont refaits dès que leurs données changent sur le site (une contribution publiée ou masquée, une réponse, un point
          d&apos;étape…), et au moins toutes les heures. La date indiquée pour chaque fichier est celle du dernier changement de son
          contenu.
        </p>
      </Prose>

      {exports.map((current) => (
        <FileSection key={current.name} current={current} />
      ))}
    </Container>
  );
}
