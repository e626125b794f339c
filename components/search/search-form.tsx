import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { SEARCH_QUERY_MAX, searchKindLabels, searchKindParams, searchKinds, type SearchRequest } from "@/lib/search";
import type { SearchChoices } from "@/server/search/load-search-choices";

/**
 * The search page's form: a GET form (works without JavaScript, the address can be shared), the
 * words typed kept in the field, and the filters in a <details> (open when one is set) so that the
 * field and its button come first on a phone.
 */
export function SearchForm({ request, choices, error }: { request: SearchRequest; choices: SearchChoices; error?: string }) {
  const filtered = Boolean(request.kind || request.themeSlug || request.councilSlug);
  return (
    <form method="get" action="/recherche" role="search" aria-label="Recherche" className="space-y-4">
      <Field id="q" label="Mots à rechercher" hint="Par exemple : parentalité, logement, centre social." error={error}>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={request.q}
            maxLength={SEARCH_QUERY_MAX}
            autoComplete="off"
            className={inputClass}
            {...describedBy("q", true, error)}
          />
          <button type="submit" className={buttonClass}>
            Rechercher
          </button>
        </div>
      </Field>
      <details open={filtered} className="rounded-lg border border-slate-300 bg-slate-50 p-4">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-blue-900">Affiner la recherche</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-3">
          <Field id="filtre-type" label="Type de résultat">
            <select id="filtre-type" name="type" defaultValue={request.kind ? searchKindParams[request.kind] : ""} className={inputClass}>
              <option value="">Tous les types</option>
              {searchKinds.map((k) => (
                <option key={k} value={searchKindParams[k]}>
                  {searchKindLabels[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="filtre-thematique" label="Thématique">
            <select id="filtre-thematique" name="thematique" defaultValue={request.themeSlug ?? ""} className={inputClass}>
              <option value="">Toutes les thématiques</option>
              {choices.themes.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.number}. {t.title}
                </option>
              ))}
            </select>
          </Field>
          <Field id="filtre-conseil" label="Conseil de quartier" hint="Avis, propositions et réponses de la Ville seulement.">
            <select
              id="filtre-conseil"
              name="conseil"
              defaultValue={request.councilSlug ?? ""}
              className={inputClass}
              {...describedBy("filtre-conseil", true, undefined)}
            >
              <option value="">Tous les conseils</option>
              {choices.councils.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="mt-4">
          <button type="submit" className={buttonClass}>
            Appliquer les filtres
          </button>
        </p>
      </details>
    </form>
  );
}
