import { authorLabel } from "@/lib/paper-contribution";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { ModeratedItem } from "@/components/moderation/moderated-item";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { getActor } from "@/server/auth/actor";
import { SignInFirst } from "@/components/auth/sign-in-first";
import { getDb } from "@/server/db";
import { loadReportable } from "@/server/reports/report-contribution";
import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "Signaler une contribution", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/*
 * Report a published avis or proposition (signed-in people). Public pages link here: they stay
 * static, the session is read on this page only. Anything not published is « not found ».
 */
export default async function ReportPage({ params, searchParams }: Props) {
  const [{ id: raw }, query] = await Promise.all([params, searchParams]);
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const actor = await getActor();
  if (!actor) {
    return (
      <SignInFirst
        title="Signaler une contribution"
        who="Signaler un texte publié qui ne respecte pas les règles est possible avec un compte : membres des conseils de quartier, personnel de la Ville et personnes élues."
        question="Vous avez un compte ?"
        returnTo={`/signaler/${encodeURIComponent(raw)}`}
        back={{ href: "/", label: "Retour au plan" }}
      />
    );
  }
  const thanks = query.merci === "1";
  const result = await loadReportable(await getDb(), actor, id);
  if (!result.ok) {
    // Reported just now and hidden by that very report: say thanks rather than « not found ».
    if (thanks && result.code === "NOT_FOUND") return <Thanks />;
    notFound();
  }
  const item = result.data;

  return (
    <Container>
      <Breadcrumb items={[{ label: item.action.title, href: `/fiches/${item.action.slug}` }, { label: "Signaler une contribution" }]} />
      <PageHeading
        title="Signaler une contribution"
        lead={
          <p>
            Un texte publié ne respecte pas les <TextLink href="/moderation/registre#regles">règles de la modération</TextLink> ? Dites-le à
            l&apos;équipe de modération de la Ville. Au-delà d&apos;un certain nombre de signalements, il est masqué en attendant leur
            examen.
          </p>
        }
      />
      <div className="mb-8">
        <ModeratedItem
          headingId="contribution-signalee"
          headingLevel={2}
          item={item}
          meta={
            <>
              Publié{item.publishedAt ? ` le ${formatDateTime(item.publishedAt)}` : ""}, rédigé par {authorLabel(item)}.
            </>
          }
        />
      </div>
      {thanks ? (
        <FormMessage kind="success">Merci : votre signalement est transmis à l&apos;équipe de modération de la Ville.</FormMessage>
      ) : item.alreadyReported ? (
        <FormMessage kind="success">Vous avez déjà signalé cette contribution : l&apos;équipe de modération l&apos;examinera.</FormMessage>
      ) : (
        <ReportForm id={item.id} />
      )}
      <p className="mt-8">
        <TextLink href={`/fiches/${item.action.slug}`}>Retour à la fiche « {item.action.title} »</TextLink>
      </p>
    </Container>
  );
}

function Thanks() {
  return (
    <Container>
      <PageHeading title="Signaler une contribution" />
      <FormMessage kind="success">
        Merci : votre signalement est transmis à l&apos;équipe de modération de la Ville. La contribution est masquée en attendant leur
        examen.
      </FormMessage>
      <p className="mt-8">
        <TextLink href="/">Retour à l&apos;accueil</TextLink>
      </p>
    </Container>
  );
}
