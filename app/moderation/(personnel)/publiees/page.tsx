import { PaperProvenance } from "@/components/moderation/paper-provenance";
import { authorLabel } from "@/lib/paper-contribution";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { ModeratedItem } from "@/components/moderation/moderated-item";
import { ModerationFilters, parseModerationFilters } from "@/components/moderation/moderation-filters";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { Container } from "@/components/ui/container";
import { NextPageNav, withParam } from "@/components/ui/next-page-nav";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { listPublishedForModeration, loadModerationCounts } from "@/server/moderation/lists";
import { listActiveTemplates } from "@/server/moderation/templates";
import { HideForm } from "../review-forms";

export const metadata: Metadata = { title: "Contributions publiées — Modération", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/* Published items a moderator may hide after publication, newest first. Per request; filters and pages work without JS. */
export default async function PublishedPage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await requireActor("/moderation/publiees");
  const db = await getDb();
  const { filters, filterQuery, after, any } = parseModerationFilters(query);
  const result = await listPublishedForModeration(db, actor, filters, { after });
  if (!result.ok) notFound();
  const [counts, templates] = await Promise.all([loadModerationCounts(db, actor), listActiveTemplates(db, actor)]);
  const list = result.data;
  // After hiding one, back to this very page (its filters and its cursor).
  const returnParams = new URLSearchParams(filterQuery);
  if (after) returnParams.set("apres", String(after));

  return (
    <Container>
      <PageHeading
        title="Contributions publiées"
        lead={
          <p>
            Les avis et propositions publics, du plus récent au plus ancien. Masquer une contribution la retire de toutes les pages
            publiques ; la raison est inscrite au journal et le conseil est prévenu. Celles des conseils dont vous êtes membre
            n&apos;apparaissent pas ici.
          </p>
        }
      />
      <ModerationTabs current="publiees" counts={counts} />
      {query.fait === "masquee" ? (
        <div className="mb-6">
          <FormMessage kind="success">
            Contribution masquée : elle n&apos;apparaît plus nulle part en public, le conseil est prévenu.
          </FormMessage>
        </div>
      ) : null}
      <ModerationFilters
        action="/moderation/publiees"
        filters={filters}
        councils={list.councils}
        actions={list.actions}
        label="Filtrer les contributions publiées"
      />
      <Section id="publiees" title={`Publiées : ${pluralize(list.total, "contribution", "contributions")}`}>
        {list.items.length === 0 ? (
          <p>
            {after && list.total > 0
              ? "Plus rien après les contributions déjà vues."
              : `Aucune contribution publiée${any ? " avec ces filtres" : ""}.`}
          </p>
        ) : (
          <ol className="space-y-6">
            {list.items.map((item) => (
              <li key={item.id}>
                <ModeratedItem
                  headingId={`publiee-${item.id}`}
                  item={item}
                  meta={
                    <>
                      Publié le {item.publishedAt ? formatDateTime(item.publishedAt) : "—"}, rédigé par {authorLabel(item)}.
                      <PaperProvenance item={item} />
                    </>
                  }
                >
                  <HideForm
                    id={item.id}
                    headingId={`publiee-${item.id}`}
                    from="publiees"
                    filters={returnParams.toString()}
                    templates={templates.ok ? templates.data : []}
                  />
                </ModeratedItem>
              </li>
            ))}
          </ol>
        )}
        <NextPageNav
          label="Pages de la liste"
          firstHref={withParam("/moderation/publiees", filterQuery, "apres", null)}
          nextHref={list.nextAfter ? withParam("/moderation/publiees", filterQuery, "apres", list.nextAfter) : null}
          nextLabel="Contributions plus anciennes"
          onFirstPage={!after}
        />
      </Section>
    </Container>
  );
}
