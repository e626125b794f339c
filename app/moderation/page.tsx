import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContributionText } from "@/components/contributions/contribution-text";
import { PositionBadge } from "@/components/contributions/position-badge";
import { buttonClass, FormMessage, inputClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { kindLabels } from "@/lib/validation/contribution";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { listPendingQueue, type QueueFilters } from "@/server/moderation/queue";
import { DecisionForms } from "./decision-forms";

export const metadata: Metadata = { title: "Modération", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

function age(hours: number) {
  if (hours < 1) return "moins d'une heure";
  if (hours < 48) return pluralize(hours, "heure", "heures");
  return pluralize(Math.floor(hours / 24), "jour", "jours");
}

/* The moderation queue, for moderators. Per request. Filters are a GET form: they work without JS. */
export default async function ModerationPage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await requireActor("/moderation");
  const filters: QueueFilters = {
    councilId: one(query.conseil) ? Number(query.conseil) || undefined : undefined,
    actionSlug: one(query.fiche),
    kind: query.type === "avis" ? "feedback" : query.type === "proposition" ? "proposal" : undefined,
  };
  const result = await listPendingQueue(await getDb(), actor, filters);
  if (!result.ok) notFound();
  const { items, councils, actions } = result.data;
  const filterQuery = new URLSearchParams(
    Object.entries({ conseil: one(query.conseil), fiche: one(query.fiche), type: one(query.type) }).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  const done = query.fait === "publiee" ? "Contribution approuvée : elle est maintenant publique." : query.fait === "refusee" ? "Contribution refusée : le conseil verra la raison." : null;

  return (
    <Container>
      <PageHeading
        title="Modération"
        lead={
          <p>
            Les avis et propositions soumis par les conseils, du plus ancien au plus récent. Rien n&apos;est public avant votre accord. Les
            contributions des conseils dont vous êtes membre n&apos;apparaissent pas ici.
          </p>
        }
      />
      {done ? (
        <div className="mb-6">
          <FormMessage kind="success">{done}</FormMessage>
        </div>
      ) : null}
      <form method="get" action="/moderation" className="grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filtrer la file">
        <div className="flex flex-col gap-1">
          <label htmlFor="filtre-conseil" className="font-semibold">Conseil</label>
          <select id="filtre-conseil" name="conseil" defaultValue={filters.councilId ? String(filters.councilId) : ""} className={inputClass}>
            <option value="">Tous les conseils</option>
            {councils.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filtre-fiche" className="font-semibold">Fiche action</label>
          <select id="filtre-fiche" name="fiche" defaultValue={filters.actionSlug ?? ""} className={inputClass}>
            <option value="">Toutes les fiches</option>
            {actions.map((a) => (
              <option key={a.slug} value={a.slug}>{a.title}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filtre-type" className="font-semibold">Type</label>
          <select id="filtre-type" name="type" defaultValue={typeof query.type === "string" ? query.type : ""} className={inputClass}>
            <option value="">Avis et propositions</option>
            <option value="avis">Avis</option>
            <option value="proposition">Propositions</option>
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className={buttonClass}>Filtrer</button>
        </div>
      </form>

      <Section id="file" title={`En attente : ${pluralize(items.length, "contribution", "contributions")}`}>
        {items.length === 0 ? (
          <p>Rien n&apos;attend de décision{filters.councilId || filters.actionSlug || filters.kind ? " avec ces filtres" : ""}.</p>
        ) : (
          <ol className="space-y-6">
            {items.map((item) => {
              const label = `${kindLabels[item.kind]} du ${item.council.name} sur « ${item.action.title} »${item.title ? ` : ${item.title}` : ""}`;
              return (
                <li key={item.id}>
                  <article aria-labelledby={`file-${item.id}`} className="rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5">
                    <h3 id={`file-${item.id}`} className="text-xl leading-snug font-bold break-words">
                      {label}
                    </h3>
                    <p className="mt-2 text-slate-800">
                      Soumis le {formatDateTime(item.submittedAt)} (il y a {age(item.ageHours)}), rédigé par {item.authorName ?? "un ancien compte"}.{" "}
                      <TextLink href={`/fiches/${item.action.slug}`}>Voir la fiche</TextLink>
                    </p>
                    {item.position ? (
                      <p className="mt-2">
                        <PositionBadge position={item.position} />
                      </p>
                    ) : null}
                    <ContributionText text={item.body} className="mt-3" />
                    <DecisionForms id={item.id} filters={filterQuery} />
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </Section>
    </Container>
  );
}
