import { SEARCH_QUERY_MAX } from "@/lib/search";

/**
 * The header's search: a GET form to /recherche, so it works without JavaScript and in a cached
 * page (it reads nothing of the request). Its label is read by screen readers; the button next to
 * it says what the field is for. Not shown on /recherche itself, whose own form holds the words.
 * Rendered twice — in the desktop line and in the phone menu, only one shown at a time — hence `id`.
 */
export function HeaderSearch({ id, className = "" }: { id: string; className?: string }) {
  return (
    <form method="get" action="/recherche" role="search" aria-label="Rechercher sur le site" className={`gap-2 ${className}`}>
      <label htmlFor={id} className="sr-only">
        Mots à rechercher
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={SEARCH_QUERY_MAX}
        autoComplete="off"
        className="min-h-11 w-full min-w-0 rounded-md border-2 border-white bg-white px-3 py-1 text-base text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white"
      />
      <button
        type="submit"
        className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-md border-2 border-white px-3 font-semibold text-white hover:bg-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white"
      >
        Rechercher
      </button>
    </form>
  );
}
