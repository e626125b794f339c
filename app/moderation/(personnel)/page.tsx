import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { ModeratedItem } from "@/components/moderation/moderated-item";
import { PaperProvenance } from "@/components/moderation/paper-provenance";
import { ModerationFilters, parseModerationFilters } from "@/components/moderation/moderation-filters";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { Container } from "@/components/ui/container";
import { NextPageNav, withParam } from "@/components/ui/next-page-nav";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { authorLabel } from "@/lib/paper-contribution";
import { kindLabels } from "@/lib/validation/contribution";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { loadModerationCounts } from "@/server/moderation/lists";
import { listPendingQueue } from "@/server/moderation/queue";
import { listActiveTemplates } from "@/server/moderation/templates";
import { BulkDecisionForm, DecisionForms } from "./decision-forms";

export const metadata: Metadata = { title: "Modération", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function age(hours: number) {
  if (hours < 1) return "moins d'une heure";
  if (hours < 48) return pluralize(hours, "heure", "heures");
  return pluralize(Math.floor(hours / 24), "jour", "jours");
}

const count = (v: unknown) => (typeof v === "string" && /^\d{1,4}$/.test(v) ? Number(v) : 0);

/** The confirmation after a decision: fixed texts, numbers only from the address. */
function doneMessage(query: Record<string, string | string[] | undefined>): string | null {
  if (query.fait === "publiee") return "Contribution approuvée : elle est maintenant publique.";
  if (query.fait === "saisie")
    return "Contribution saisie : elle attend ci-dessous une décision de modération, comme celles écrites sur le site.";
  if (query.fait === "refusee") return "Contribution refusée : le conseil verra la raison.";
  if (query.fait === "lot-approuve" || query.fait === "lot-refuse") {
    const [n, m, r] = [count(query.n), count(query.m), count(query.r)];
    const parts = [query.fait === "lot-approuve" ? pluralize(n, "approuvée", "approuvées") : pluralize(n, "refusée", "refusées")];
    if (m > 0) parts.push(`${pluralize(m, "déjà décidée", "déjà décidées")} par un·e autre modérateur·rice`);
    if (r > 0) parts.push(`${r} que vous ne pouvez pas décider`);
    return `${parts.join(", ")}.`;
  }
  return null;
}

/* The moderation queue, for moderators. Per request. Filters are a GET form: they work without JS. */
export default async function ModerationPage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await requireActor("/moderation");
  const db = await getDb();
  const { filters, filterQuery, after, any } = parseModerationFilters(query);
  const result = await listPendingQueue(db, actor, filters, { after });
  if (!result.ok) notFound();
  const [counts, templates] = await Promise.all([loadModerationCounts(db, actor), listActiveTemplates(db, actor)]);
  const { items, total, nextAfter, councils, actions } = result.data;
  // After a decision, back to this very page (its filters and its cursor).
  const returnParams = new URLSearchParams(filterQuery);
  if (after) returnParams.set("apres", String(after));
  const returnQuery = returnParams.toString();
  const templateOptions = templates.ok ? templates.data : [];
  const done = doneMessage(query);

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
      <ModerationTabs current="file" counts={counts} />
      {done ? (
        <div className="mb-6">
          <FormMessage kind="success">{done}</FormMessage>
        </div>
      ) : null}
      <ModerationFilters action="/moderation" filters={filters} councils={councils} actions={actions} label="Filtrer la file" />

      <Section id="file" title={`En attente : ${pluralize(total, "contribution", "contributions")}`}>
        {items.length === 0 ? (
          <p>
            {after && total > 0
              ? "Plus rien après les contributions déjà vues."
              : `Rien n'attend de décision${any ? " avec ces filtres" : ""}.`}
          </p>
        ) : (
          <>
            {total > items.length ? (
              <p className="mb-4">
                {pluralize(items.length, "contribution affichée", "contributions affichées")} sur {total}, des plus anciennes aux plus
                récentes.
              </p>
            ) : null}
            <BulkDecisionForm formId="selection" filters={returnQuery} templates={templateOptions} />
            <ol className="mt-6 space-y-6">
              {items.map((item) => {
                const label = `${kindLabels[item.kind]} du ${item.council.name} sur « ${item.action.title} »${item.title ? ` : ${item.title}` : ""}`;
                return (
                  <li key={item.id}>
                    <ModeratedItem
                      headingId={`file-${item.id}`}
                      item={item}
                      before={
                        <label className="mb-2 inline-flex min-h-11 items-center gap-3 font-semibold">
                          <input
                            type="checkbox"
                            name="ids"
                            value={item.id}
                            form="selection"
                            className="h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
                          />
                          <span>
                            Sélectionner<span className="sr-only"> : {label}</span>
                          </span>
                        </label>
                      }
                      meta={
                        <>
                          Soumis le {formatDateTime(item.submittedAt)} (il y a {age(item.ageHours)}), rédigé par {authorLabel(item)}.
                          <PaperProvenance item={item} recordedBy={item.submittedBy ? `saisie par ${item.submittedBy}` : null} />
                          {item.editedAt ? <strong> Modifié par le conseil le {formatDateTime(item.editedAt)}.</strong> : null}
                        </>
                      }
                    >
                      <DecisionForms
                        id={item.id}
                        filters={returnQuery}
                        version={item.editedAt ? item.editedAt.toISOString() : ""}
                        templates={templateOptions}
                      />
                    </ModeratedItem>
                  </li>
                );
              })}
            </ol>
          </>
        )}
        <NextPageNav
          label="Pages de la file d'attente"
          firstHref={withParam("/moderation", filterQuery, "apres", null)}
          nextHref={nextAfter ? withParam("/moderation", filterQuery, "apres", nextAfter) : null}
          nextLabel="Contributions suivantes"
          onFirstPage={!after}
        />
      </Section>
    </Container>
  );
}
