import { buttonClass, inputClass } from "@/components/form/field";
import { readModerationFilters, type ModerationFilters as Filters } from "@/lib/validation/moderation-filters";

/**
 * The filters of a moderation list, read from the address (conseil, fiche, type, page) with the
 * query rules: a value that is not a valid id, slug or kind is no filter, never an error.
 */
export const parseModerationFilters = (query: Record<string, string | string[] | undefined>) => readModerationFilters(query);

/** Filters by council, fiche and kind: a GET form, it works without JavaScript. */
export function ModerationFilters({
  action,
  filters,
  councils,
  actions,
  label,
}: {
  action: string;
  filters: Filters;
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
  label: string;
}) {
  const type = filters.kind === "feedback" ? "avis" : filters.kind === "proposal" ? "proposition" : "";
  return (
    <form
      method="get"
      action={action}
      className="grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={label}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="filtre-conseil" className="font-semibold">
          Conseil
        </label>
        <select id="filtre-conseil" name="conseil" defaultValue={filters.councilId ? String(filters.councilId) : ""} className={inputClass}>
          <option value="">Tous les conseils</option>
          {councils.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filtre-fiche" className="font-semibold">
          Fiche action
        </label>
        <select id="filtre-fiche" name="fiche" defaultValue={filters.actionSlug ?? ""} className={inputClass}>
          <option value="">Toutes les fiches</option>
          {actions.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filtre-type" className="font-semibold">
          Type
        </label>
        <select id="filtre-type" name="type" defaultValue={type} className={inputClass}>
          <option value="">Avis et propositions</option>
          <option value="avis">Avis</option>
          <option value="proposition">Propositions</option>
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" className={buttonClass}>
          Filtrer
        </button>
      </div>
    </form>
  );
}
