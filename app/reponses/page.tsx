import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Day } from "@/components/answers/answer-history";
import { AnswerStateBadge } from "@/components/answers/answer-state-badge";
import { buttonClass, inputClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { NextPageNav, withParam } from "@/components/ui/next-page-nav";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";
import { answerQueueFiltersSchema } from "@/lib/validation/answer";
import { queryId } from "@/lib/validation/fields";
import { listAnswerableProposals, type AnswerQueueFilters, type AnswerQueueState } from "@/server/answers/list-answerable";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Réponses aux propositions", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const states: Record<AnswerQueueState, string> = { "sans-reponse": "Sans réponse", "en-retard": "En retard", repondues: "Répondues" };
const day = (d: Date) => <Day date={d} />;

/*
 * The published proposals the City answers, for moderators and officials, 25 a page (`?apres=<id>`).
 * Per request; filters are a GET form (no JS needed).
 */
export default async function AnswersPage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await requireActor("/reponses");
  // Anything odd in the address is no filter (never a number the database would refuse).
  const q = answerQueueFiltersSchema.parse(query);
  const filters: AnswerQueueFilters = { councilId: q.conseil ?? undefined, actionSlug: q.fiche ?? undefined, state: q.etat ?? undefined };
  const after = queryId().parse(query.apres);
  const result = await listAnswerableProposals(await getDb(), actor, filters, { after });
  if (!result.ok) notFound();
  const { items, total, nextAfter, councils, actions } = result.data;
  const filtered = Boolean(filters.councilId || filters.actionSlug || filters.state);
  // The page links keep the filters, rebuilt from the parsed values (never passed on as sent).
  const filterParams = new URLSearchParams();
  if (q.fiche) filterParams.set("fiche", q.fiche);
  if (q.conseil) filterParams.set("conseil", String(q.conseil));
  if (q.etat) filterParams.set("etat", q.etat);
  const filterQuery = filterParams.toString();

  return (
    <Container>
      <PageHeading
        title="Réponses aux propositions"
        lead={
          <p>
            Les propositions publiées par les conseils de quartier, auxquelles la Ville répond : d&apos;abord celles dont la réponse est en
            retard, puis celles à rendre le plus tôt, puis celles qui ont déjà une réponse. Les propositions des conseils dont vous êtes
            membre n&apos;apparaissent pas ici.
          </p>
        }
      />
      <form
        method="get"
        action="/reponses"
        className="grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Filtrer les propositions"
      >
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
          <label htmlFor="filtre-conseil" className="font-semibold">
            Conseil
          </label>
          <select
            id="filtre-conseil"
            name="conseil"
            defaultValue={filters.councilId ? String(filters.councilId) : ""}
            className={inputClass}
          >
            <option value="">Tous les conseils</option>
            {councils.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filtre-etat" className="font-semibold">
            Réponse
          </label>
          <select id="filtre-etat" name="etat" defaultValue={filters.state ?? ""} className={inputClass}>
            <option value="">Toutes les propositions</option>
            {Object.entries(states).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className={buttonClass}>
            Filtrer
          </button>
        </div>
      </form>

      <Section id="propositions" title={pluralize(total, "proposition", "propositions")}>
        {items.length === 0 ? (
          <p>
            {after && total > 0
              ? "Plus rien après les propositions déjà vues."
              : `Aucune proposition${filtered ? " avec ces filtres" : " publiée à laquelle vous pouvez répondre"}.`}
          </p>
        ) : (
          <ol className="space-y-4">
            {items.map((item) => (
              <li key={item.id}>
                <article
                  aria-labelledby={`proposition-${item.id}`}
                  className={`rounded-lg border-2 bg-white p-4 sm:p-5 ${item.late ? "border-red-800" : "border-slate-300"}`}
                >
                  <h3 id={`proposition-${item.id}`} className="text-xl leading-snug font-bold break-words">
                    <TextLink href={`/reponses/${item.id}`}>{item.title}</TextLink>
                  </h3>
                  <p className="mt-1 text-slate-800">
                    {item.council.name}, sur « {item.action.title} » — publiée le {day(item.publishedAt)}.
                  </p>
                  <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
                    {item.firstAnsweredAt ? (
                      <>
                        <span>
                          {pluralize(item.answerCount, "réponse", "réponses")}, première le {day(item.firstAnsweredAt)}.
                        </span>
                        {item.currentState ? <AnswerStateBadge state={item.currentState} /> : null}
                      </>
                    ) : item.late ? (
                      <strong className="text-red-900">En retard : la réponse était attendue le {day(item.dueAt)}.</strong>
                    ) : (
                      <span>Sans réponse : à rendre au plus tard le {day(item.dueAt)}.</span>
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        )}
        <NextPageNav
          label="Pages des propositions"
          firstHref={withParam("/reponses", filterQuery, "apres", null)}
          nextHref={nextAfter ? withParam("/reponses", filterQuery, "apres", nextAfter) : null}
          nextLabel="Propositions suivantes"
          onFirstPage={!after}
        />
      </Section>
    </Container>
  );
}
