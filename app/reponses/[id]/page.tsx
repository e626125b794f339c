import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnswerHistory, Day } from "@/components/answers/answer-history";
import { ContributionText } from "@/components/contributions/contribution-text";
import { FormMessage } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { defaultSignatureTitle } from "@/server/answers/answer-proposal";
import { getProposalToAnswer } from "@/server/answers/list-answerable";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { getUserTitle } from "@/server/answers/signature";
import { AnswerForm } from "./answer-form";

export const metadata: Metadata = { title: "Répondre à une proposition", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const day = (d: Date) => <Day date={d} />;

/* One published proposal, its answer history and the answer form, for moderators and officials. Per request. */
export default async function AnswerProposalPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/reponses/${encodeURIComponent(id)}`);
  const db = await getDb();
  const result = await getProposalToAnswer(db, actor, /^\d{1,9}$/.test(id) ? Number(id) : NaN);
  if (!result.ok) notFound();
  const proposal = result.data;
  const title = await getUserTitle(db, actor.id);
  const signature = `${actor.displayName}, ${title ?? (await defaultSignatureTitle(db))}`;
  // A new id per render: the same form sent twice records one answer. The form is keyed by the
  // number of answers: a success gives a fresh form, a refusal (also posted without JavaScript)
  // keeps the same form, with what was typed and its request id.
  const requestId = randomUUID();

  return (
    <Container>
      <Breadcrumb items={[{ label: "Réponses aux propositions", href: "/reponses" }, { label: proposal.title }]} />
      <PageHeading kicker={`Proposition du ${proposal.council.name}`} title={proposal.title} />
      {query.repondu === "1" ? (
        <div className="mb-6">
          <FormMessage kind="success">Réponse publiée : elle apparaît sur la fiche action et le conseil est prévenu.</FormMessage>
        </div>
      ) : null}
      <p className="text-slate-800">
        Sur la fiche action{" "}
        <TextLink href={`/fiches/${proposal.action.slug}#contribution-${proposal.id}`}>{proposal.action.title}</TextLink>
        {proposal.authorName ? <>, rédigée par {proposal.authorName}</> : null}, publiée le {day(proposal.publishedAt)}.
      </p>
      <p className="mt-2">
        {proposal.answers.length > 0 ? (
          <>Première réponse attendue au plus tard le {day(proposal.dueAt)}.</>
        ) : proposal.late ? (
          <strong className="text-red-900">En retard : la réponse était attendue le {day(proposal.dueAt)}.</strong>
        ) : (
          <>Réponse attendue au plus tard le {day(proposal.dueAt)}.</>
        )}
      </p>
      <ContributionText text={proposal.body} className="mt-4 rounded-lg border border-slate-300 p-4 sm:p-6" />

      <Section id="reponses" title="Réponses de la Ville">
        {proposal.answers.length > 0 ? (
          <AnswerHistory answers={proposal.answers} headingLevel={3} />
        ) : (
          <p>La Ville n&apos;a pas encore répondu à cette proposition.</p>
        )}
      </Section>

      <Section id="repondre" title={proposal.answers.length > 0 ? "Ajouter une réponse" : "Répondre"}>
        <p className="mb-4">
          Chaque réponse s&apos;ajoute à l&apos;historique public de la proposition, sur la fiche action ; le conseil est prévenu.
        </p>
        <AnswerForm key={proposal.answers.length} contributionId={proposal.id} clientRequestId={requestId} signature={signature} />
      </Section>
    </Container>
  );
}
