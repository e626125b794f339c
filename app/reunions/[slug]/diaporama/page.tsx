import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { notFound } from "next/navigation";
import { SlideContent } from "@/components/slides/slide-content";
import { SlidePageStyle } from "@/components/slides/print-style";
import { Stage } from "@/components/slides/stage";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDateTime } from "@/lib/dates";
import { getDb } from "@/server/db";
import { getPublicDeck } from "@/server/meetings/queries";
import { deckPages } from "@/server/meetings/slide-pages";

/* Static like every public page (no session, no client code): the slides one below the other,
   readable without JavaScript, printable one per A4 landscape page. Available once the meeting
   has taken place; refreshed by every change and at least hourly. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await getPublicDeck(await getDb(), slug);
  if (!found) return { title: "Page introuvable" };
  return publicPageMetadata({
    title: `Diaporama — ${found.deck.meeting.title}`,
    description: `Les diapositives présentées lors de la réunion publique « ${found.deck.meeting.title} ».`,
    path: `/reunions/${slug}/diaporama`,
  });
}

export default async function PublicSlidesPage({ params }: Props) {
  const { slug } = await params;
  const found = await getPublicDeck(await getDb(), slug);
  if (!found) notFound();
  const { deck, frozenAt } = found;
  const pages = deckPages(deck);
  const count = pages.length;
  const stateLabel = frozenAt ? `État au ${formatDateTime(frozenAt)}` : `Données au ${formatDateTime(new Date(deck.builtAt))}`;
  return (
    <>
      <SlidePageStyle />
      <Container className="print:hidden">
        <Breadcrumb
          items={[
            { label: "Accueil", href: "/" },
            { label: "Réunions publiques", href: "/reunions" },
            { label: deck.meeting.title, href: `/reunions/${slug}` },
            { label: "Diaporama" },
          ]}
        />
        <PageHeading
          kicker="Diaporama"
          title={deck.meeting.title}
          lead={
            <p>
              Les {count} diapositives présentées lors de la réunion du {formatDateTime(new Date(deck.meeting.startsAt))}.{" "}
              {frozenAt
                ? `Les chiffres sont ceux du ${formatDateTime(frozenAt)}, figés avant la réunion.`
                : "Les chiffres ont été lus à l'affichage de cette page."}{" "}
              Pour l&apos;imprimer, utilisez l&apos;impression de votre navigateur : une diapositive par page.
            </p>
          }
        />
      </Container>
      <div className="mx-auto w-full max-w-5xl space-y-8 px-4 pb-12 sm:px-6 print:max-w-none print:space-y-0 print:p-0">
        {pages.map((page, i) => (
          <section key={i} aria-label={`Diapositive ${i + 1} sur ${count}`} className="slide-page border-2 border-slate-400 print:border-0">
            <Stage
              variant="flow"
              footer={
                <>
                  <span>{stateLabel}</span>
                  <span className="font-bold">
                    {i + 1} / {count}
                  </span>
                </>
              }
            >
              <SlideContent page={page} />
            </Stage>
          </section>
        ))}
      </div>
    </>
  );
}
