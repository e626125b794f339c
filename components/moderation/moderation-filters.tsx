import { buttonClass, inputClass } from "@/components/form/field";
import type { QueueFilters } from "@/server/moderation/queue";

type Query = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/** The filters of a moderation list, read from the address (conseil, fiche, type). */
export function parseModerationFilters(query: Query): { filters: QueueFilters; filterQuery: string; any: boolean } {
  const filters: QueueFilters = {
    councilId: one(query.conseil) ? Number(query.conseil) || undefined : undefined,
    actionSlug: one(query.fiche),
    kind: query.type === "avis" ? "feedback" : query.type === "proposition" ? "proposal" : undefined,
  };
  const filterQuery = new URLSearchParams(
    Object.entries({ conseil: one(query.conseil), fiche: one(query.fiche), type: one(query.type) }).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return { filters, filterQuery, any: Boolean(filters.councilId || filters.actionSlug || filters.kind) };
}

/** Filters by council, fiche and kind: a GET form, it works without JavaScript. */
export function ModerationFilters({
  action,
  filters,
  councils,
  actions,
  label,
}: {
  action: string;
  filters: QueueFilters;
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
  label: string;
}) {
  const type = filters.kind === "feedback" ? "avis" : filters.kind === "proposal" ? "proposition" : "";
  return (
    <form method="get" action={action} className="grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={label}>
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
