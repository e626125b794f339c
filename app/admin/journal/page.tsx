import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Journal, journalActionLabel, journalActionLabels } from "@/components/admin/journal";
import { buttonClass, Field, inputClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { JOURNAL_PAGE_SIZE, type JournalFilters } from "@/lib/validation/settings";
import { listAuditLog } from "@/server/audit-log/list-audit-log";
import { getDb } from "@/server/db";
import { requireAdminPage } from "../require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Journal — Administration", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The same filters in the URL, from the newest rows or strictly older than the row `before`. */
function filtersQuery(filters: JournalFilters, before: number | null = null): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.actor) params.set("auteur", filters.actor);
  if (filters.council) params.set("conseil", String(filters.council));
  if (filters.from) params.set("du", filters.from);
  if (filters.to) params.set("au", filters.to);
  if (before) params.set("avant", String(before));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * Who did what, when and why, for administrators: newest first, 50 a page, with a plain GET form
 * of filters (works without JavaScript). Pages follow a cursor (`?avant=<id>`: the rows strictly
 * older than that one), never a page number nor a total: each view reads one page whatever the
 * journal holds. Names, reasons and details are user text, shown as text.
 */
export default async function JournalPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const input = {
    action: first(params.action),
    actor: first(params.auteur),
    council: first(params.conseil),
    from: first(params.du),
    to: first(params.au),
    before: first(params.avant),
  };
  const actor = await requireAdminPage("/admin/journal");
  const result = await listAuditLog(await getDb(), actor, input);
  if (!result.ok) notFound();
  const journal = result.data;
  const { filters } = journal;
  const filtered = Boolean(filters.action || filters.actor || filters.council || filters.from || filters.to);
  // Every action the code writes (its French labels), not a scan of the journal; an unknown one typed in the URL stays selectable.
  const actionOptions = [...new Set([...Object.keys(journalActionLabels), ...(filters.action ? [filters.action] : [])])]
    .map((action) => ({ action, label: journalActionLabel(action) }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));

  return (
    <Container wide>
      <AdminNav current="journal" />
      <PageHeading
        title="Journal"
        lead={
          <p>
            Qui a fait quoi, quand et pourquoi : chaque décision de modération, réponse, signalement, changement de rôle ou de paramètre.
          </p>
        }
      />

      <form
        method="get"
        action="/admin/journal"
        role="search"
        aria-label="Filtrer le journal"
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <Field id="journal-action" label="Type d'action">
          <select id="journal-action" name="action" defaultValue={filters.action} className={inputClass}>
            <option value="">Toutes les actions</option>
            {actionOptions.map((o) => (
              <option key={o.action} value={o.action}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="journal-auteur" label="Auteur (nom ou adresse électronique)">
          <input
            id="journal-auteur"
            name="auteur"
            type="search"
            defaultValue={filters.actor}
            className={inputClass}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field id="journal-conseil" label="Conseil">
          <select id="journal-conseil" name="conseil" defaultValue={filters.council ? String(filters.council) : ""} className={inputClass}>
            <option value="">Tous les conseils</option>
            {journal.councils.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
                {c.archived ? " (archivé)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field id="journal-du" label="Du (inclus)">
          <input id="journal-du" name="du" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </Field>
        <Field id="journal-au" label="Au (inclus)">
          <input id="journal-au" name="au" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </Field>
        <div className="flex flex-wrap items-end gap-4">
          <button type="submit" className={buttonClass}>
            Filtrer
          </button>
          {filtered ? (
            <TextLink href="/admin/journal" className="inline-flex min-h-11 items-center">
              Effacer les filtres
            </TextLink>
          ) : null}
        </div>
      </form>

      <Section id="resultats" title={filtered ? "Résultats" : "Toutes les actions"}>
        <p className="mb-4" role="status">
          {journal.rows.length === 0
            ? filters.before
              ? "Aucune entrée plus ancienne."
              : filtered
                ? "Aucune action ne correspond à ces filtres."
                : "Le journal est vide pour l'instant."
            : `${filters.before ? "Entrées plus anciennes" : "Les entrées les plus récentes"}, de la plus récente à la plus ancienne (${JOURNAL_PAGE_SIZE} au plus par page).`}
        </p>
        {journal.rows.length > 0 ? <Journal entries={journal.rows} emptyText="" /> : null}
        {filters.before || journal.nextBefore ? (
          <nav aria-label="Pages du journal" className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-2">
            {filters.before ? (
              <TextLink href={`/admin/journal${filtersQuery(filters)}#resultats`} className="inline-flex min-h-11 items-center">
                ← Les plus récentes
              </TextLink>
            ) : null}
            {journal.nextBefore ? (
              <TextLink
                href={`/admin/journal${filtersQuery(filters, journal.nextBefore)}#resultats`}
                className="inline-flex min-h-11 items-center"
              >
                Entrées plus anciennes →
              </TextLink>
            ) : null}
          </nav>
        ) : null}
      </Section>
    </Container>
  );
}
