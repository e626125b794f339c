import { authorLabel, provenanceText } from "@/lib/paper-contribution";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContributionText } from "@/components/contributions/contribution-text";
import { PositionBadge } from "@/components/contributions/position-badge";
import { buttonClass, FormMessage, secondaryButtonClass } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { queryId } from "@/lib/validation/fields";
import { statusLabels } from "@/lib/validation/contribution";
import { requireActor } from "@/server/auth/actor";
import {
  councilContributionGroupNames,
  getCouncilContribution,
  listCouncilContributions,
  type CouncilContribution,
  type CouncilContributionGroup,
  type CouncilContributionSection,
} from "@/server/contributions/list-council-contributions";
import { getDb } from "@/server/db";
import { CommentForm, SubmitForm, WithdrawForm } from "./draft-forms";
import { ForgetKeptText } from "./kept-text";

export const metadata: Metadata = { title: "Contributions du conseil", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const statusTone: Record<CouncilContribution["status"], string> = {
  draft: "border-slate-600 bg-white text-slate-900",
  pending: "border-blue-900 bg-blue-50 text-blue-950",
  published: "border-green-800 bg-green-50 text-green-950",
  rejected: "border-red-800 bg-red-50 text-red-950",
  hidden: "border-slate-700 bg-slate-100 text-slate-900",
};

function Item({ item, councilSlug }: { item: CouncilContribution; councilSlug: string }) {
  const headingId = `contribution-${item.id}`;
  const label = `${item.kind === "proposal" ? `Proposition : ${item.title}` : "Avis"} — ${item.action.title}`;
  return (
    <article id={headingId} aria-labelledby={`${headingId}-titre`} className="rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5">
      <h3 id={`${headingId}-titre`} className="text-xl leading-snug font-bold break-words">
        {label}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <span className={`inline-flex rounded border-2 px-2 py-0.5 text-base font-semibold ${statusTone[item.status]}`}>
          {statusLabels[item.status]}
        </span>
        {item.position ? <PositionBadge position={item.position} /> : null}
      </p>
      <p className="mt-2 text-slate-800">
        {item.receivedVia && item.receivedOn ? <>{provenanceText(item.kind, item.receivedVia, item.receivedOn)}. </> : null}
        Rédigé par {authorLabel(item)}, le {formatDateTime(item.createdAt)}
        {item.submittedAt ? <>. Soumis le {formatDateTime(item.submittedAt)}</> : null}
        {item.editedAt ? <>. Modifié le {formatDateTime(item.editedAt)}</> : null}
        {item.publishedAt ? <>. Publié le {formatDateTime(item.publishedAt)}</> : null}
        {item.status === "hidden" && item.hiddenAt ? <>. Masqué le {formatDateTime(item.hiddenAt)}</> : null}.
      </p>
      <ContributionText text={item.body} className="mt-3" />
      {item.status === "rejected" && item.rejectionReason ? (
        <div className="mt-4 rounded-md border-l-4 border-red-800 bg-red-50 p-3">
          <p className="font-semibold">Raison du refus donnée par la Ville (jamais publique) :</p>
          <ContributionText text={item.rejectionReason} className="mt-1" />
        </div>
      ) : null}
      {item.status === "hidden" && item.hiddenReason ? (
        <div className="mt-4 rounded-md border-l-4 border-slate-700 bg-slate-100 p-3">
          <p className="font-semibold">Retiré des pages publiques. Raison donnée par la Ville :</p>
          <ContributionText text={item.hiddenReason} className="mt-1" />
        </div>
      ) : null}
      {item.status === "published" ? (
        <p className="mt-3">
          <TextLink href={`/fiches/${item.action.slug}#contributions`}>Voir sur la fiche publique</TextLink>
        </p>
      ) : null}
      {item.canWithdraw ? (
        <p className="mt-4">
          <a className={secondaryButtonClass} href={`/espace/conseils/${councilSlug}/contributions/${item.id}/modifier`}>
            Modifier<span className="sr-only"> cette contribution en attente</span>
          </a>
        </p>
      ) : null}
      {item.canWithdraw ? <WithdrawForm id={item.id} councilSlug={councilSlug} label={label} /> : null}
      {item.status === "draft" ? (
        <div className="mt-4 border-t border-slate-300 pt-4">
          <h4 className="text-lg font-bold">Commentaires internes</h4>
          {item.commentCount > item.comments.length ? (
            <p className="mt-2">
              Les {item.comments.length} derniers commentaires sur {item.commentCount}, du plus ancien au plus récent.
            </p>
          ) : null}
          {item.comments.length > 0 ? (
            <ol className="mt-2 space-y-3">
              {item.comments.map((c) => (
                <li key={c.id} className="rounded-md bg-slate-50 p-3">
                  <p className="text-base text-slate-800">
                    {c.authorName ?? "Un ancien compte"}, le {formatDateTime(c.createdAt)} :
                  </p>
                  <ContributionText text={c.body} className="mt-1" />
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2">Pas encore de commentaire.</p>
          )}
          {item.canComment ? <CommentForm contributionId={item.id} councilSlug={councilSlug} label={label} /> : null}
          {item.canSubmit ? (
            <SubmitForm id={item.id} councilSlug={councilSlug} label={label} />
          ) : (
            <p className="mt-4">Dans ce conseil, seuls les référent·es peuvent soumettre un brouillon à la modération.</p>
          )}
        </div>
      ) : null}
    </article>
  );
}

const sectionTexts: Record<CouncilContributionGroup, { title: string; empty: string; all: (n: number) => string }> = {
  brouillons: { title: "Brouillons", empty: "Aucun brouillon.", all: (n) => `Voir les ${n} brouillons` },
  "en-attente": { title: "En attente de modération", empty: "Rien en attente.", all: (n) => `Voir les ${n} contributions en attente` },
  refusees: { title: "Refusées", empty: "Aucune contribution refusée.", all: (n) => `Voir les ${n} contributions refusées` },
  publiees: { title: "Publiées", empty: "Rien de publié pour l'instant.", all: (n) => `Voir les ${n} contributions publiées` },
};

const isGroup = (value: unknown): value is CouncilContributionGroup =>
  typeof value === "string" && (councilContributionGroupNames as string[]).includes(value);

/*
 * A council's own avis and propositions, in every state, for its members. Per request. The
 * overview shows each section's newest items; « Voir les N … » opens one section, page by page
 * (`?etat=publiees&avant=<id>`): bounded whatever the council has written.
 */
export default async function CouncilContributionsPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/espace/conseils/${slug}/contributions`);
  const db = await getDb();
  const group = isGroup(query.etat) ? query.etat : null;
  const before = group ? queryId().parse(query.avant) : null;
  const result = await listCouncilContributions(db, actor, slug, { group, before });
  if (!result.ok) notFound();
  const { council, sections } = result.data;
  const listPath = `/espace/conseils/${slug}/contributions`;
  // Just saved (the form redirected here): the text kept in the browser while typing can go.
  const justSaved = async (raw: string | string[] | undefined) => {
    const id = queryId().parse(raw);
    if (!id) return null;
    const found = await getCouncilContribution(db, actor, slug, id);
    return found.ok ? found.data.item : null;
  };
  const [saved, edited] = await Promise.all([justSaved(query.enregistre), justSaved(query.modifie)]);

  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: council.name, href: `/espace/conseils/${slug}` },
          ...(group ? [{ label: "Contributions", href: listPath }, { label: sectionTexts[group].title }] : [{ label: "Contributions" }]),
        ]}
      />
      <PageHeading
        title={`Avis et propositions du ${council.name}`}
        lead={
          <p>
            Les brouillons et les contributions en attente ne sont visibles que des membres du conseil. Rien n&apos;est public avant
            l&apos;accord de la Ville.
          </p>
        }
      />
      {saved ? <ForgetKeptText of={{ councilSlug: slug, kind: saved.kind }} savedBody={saved.body} /> : null}
      {edited ? <ForgetKeptText of={{ editedId: edited.id }} savedBody={edited.body} /> : null}
      {query.retire ? (
        <div className="mb-6">
          <FormMessage kind="success">Contribution retirée de la modération : elle est redevenue un brouillon du conseil.</FormMessage>
        </div>
      ) : null}
      {query.modifie ? (
        <div className="mb-6">
          <FormMessage kind="success">Modification enregistrée : la contribution attend toujours la modération.</FormMessage>
        </div>
      ) : null}
      {query.enregistre || query.soumis ? (
        <div className="mb-6">
          <FormMessage kind="success">
            {query.soumis
              ? "Contribution soumise à la modération. Elle sera publique une fois approuvée."
              : "Brouillon enregistré : les membres du conseil peuvent le commenter avant de le soumettre."}
          </FormMessage>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <a className={buttonClass} href={`/espace/conseils/${slug}/contributions/nouvelle?type=avis`}>
          Nouvel avis
        </a>
        <a className={secondaryButtonClass} href={`/espace/conseils/${slug}/contributions/nouvelle?type=proposition`}>
          Nouvelle proposition
        </a>
      </div>
      {sections.map((section) => (
        <SectionList key={section.group} section={section} councilSlug={slug} listPath={listPath} paged={group !== null} before={before} />
      ))}
    </Container>
  );
}

/** One section: its items, then (overview) a link to all of them, or (one section) older / newest. */
function SectionList({
  section,
  councilSlug,
  listPath,
  paged,
  before,
}: {
  section: CouncilContributionSection;
  councilSlug: string;
  listPath: string;
  paged: boolean;
  before: number | null;
}) {
  const texts = sectionTexts[section.group];
  const sectionPath = `${listPath}?etat=${section.group}`;
  return (
    <Section id={section.group} title={`${texts.title} (${section.total})`}>
      {section.items.length > 0 ? (
        <ul className="space-y-4">
          {section.items.map((item) => (
            <li key={item.id}>
              <Item item={item} councilSlug={councilSlug} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{before ? "Rien de plus ancien." : texts.empty}</p>
      )}
      {!paged && section.items.length < section.total ? (
        <p className="mt-4">
          <TextLink href={sectionPath}>{texts.all(section.total)}</TextLink>
        </p>
      ) : null}
      {paged ? (
        <nav aria-label={`Pages : ${texts.title.toLowerCase()}`} className="mt-6 flex flex-wrap gap-x-6 gap-y-3">
          {before ? <TextLink href={sectionPath}>Les plus récentes</TextLink> : null}
          {section.nextBefore ? (
            <TextLink href={`${sectionPath}&avant=${section.nextBefore}`}>
              {pluralize(section.total, "contribution", "contributions")} en tout : voir les plus anciennes
            </TextLink>
          ) : null}
          <TextLink href={listPath}>Toutes les sections</TextLink>
        </nav>
      ) : null}
    </Section>
  );
}
