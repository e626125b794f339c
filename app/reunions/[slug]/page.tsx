import type { Metadata } from "next";
import { cache } from "react";
import { meetingCalendarPath, MEETINGS_CALENDAR_PATH } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { MeetingWhenWhere } from "@/components/meetings/meeting-when-where";
import { FollowLink } from "@/components/plan/follow-link";
import { notFound } from "next/navigation";
import { ContributionText } from "@/components/contributions/contribution-text";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { periodOf, planPath } from "@/lib/plans";
import { getDb } from "@/server/db";
import { getPublicMeeting } from "@/server/meetings/queries";

/* No meeting is rendered at build time: each page is rendered on its first visit, then served
   from cache, refreshed by every change and at least hourly (docs/decisions/0001). */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

/** One read per render: the metadata and the page share it. */
const loadMeeting = cache(async (slug: string) => getPublicMeeting(await getDb(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meeting = await loadMeeting((await params).slug);
  if (!meeting) return { title: "Page introuvable" };
  return publicPageMetadata({
    title: meeting.title,
    description: `Réunion publique du ${formatDateTime(meeting.startsAt)}, ${meeting.place} : ordre du jour et compte rendu.`,
    path: `/reunions/${meeting.slug}`,
    calendars: [
      { path: meetingCalendarPath(meeting.slug), title: `Cette réunion : ${meeting.title}` },
      { path: MEETINGS_CALENDAR_PATH, title: "Les réunions publiques" },
    ],
  });
}

/** A public meeting: date, place, agenda (labels only — never the presenter's notes), minutes. */
export default async function MeetingPage({ params }: Props) {
  const meeting = await loadMeeting((await params).slug);
  if (!meeting) notFound();
  return (
    <Container>
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Réunions publiques", href: "/reunions" }, { label: meeting.title }]} />
      <PageHeading kicker={meeting.hasTakenPlace ? "Réunion publique passée" : "Réunion publique à venir"} title={meeting.title} />
      {meeting.isDemo ? (
        <Notice title={<DemoMarker label="Démonstration" />} className="mb-8">
          <p>Exemple de démonstration : ce n&apos;est pas un vrai rendez-vous.</p>
        </Notice>
      ) : null}
      <MeetingWhenWhere
        startsAt={meeting.startsAt}
        place={meeting.place}
        className="rounded-lg border border-slate-300 bg-slate-50 p-4 sm:p-6"
      />
      {meeting.plan.state === "closed" ? (
        <p className="mt-4">
          Cette réunion portait sur le plan{" "}
          <TextLink href={planPath(meeting.plan.slug)}>
            « {meeting.plan.title} » ({periodOf(meeting.plan)})
          </TextLink>
          , aujourd&apos;hui terminé : ses fiches et leurs points d&apos;étape restent consultables tels quels.
        </p>
      ) : null}
      <FollowLink href={meetingCalendarPath(meeting.slug)} kind="calendar" className="mt-4">
        Ajouter à mon agenda
      </FollowLink>

      <Section id="ordre-du-jour" title="Ordre du jour">
        {meeting.agenda.length > 0 ? (
          <ol className="list-decimal space-y-2 pl-6">
            {meeting.agenda.map((item) => (
              <li key={item.position}>{item.path ? <TextLink href={item.path}>{item.label}</TextLink> : item.label}</li>
            ))}
          </ol>
        ) : (
          <p>L&apos;ordre du jour sera publié prochainement.</p>
        )}
      </Section>

      <Section id="compte-rendu" title="Compte rendu">
        {meeting.minutes ? (
          <ContributionText text={meeting.minutes} />
        ) : (
          <p>{meeting.hasTakenPlace ? "Le compte rendu sera publié prochainement." : "Le compte rendu sera publié après la réunion."}</p>
        )}
      </Section>

      {meeting.hasTakenPlace ? (
        <Section id="diaporama" title="Diaporama">
          <p>
            <TextLink href={`/reunions/${meeting.slug}/diaporama`}>Voir les diapositives présentées lors de la réunion</TextLink>
          </p>
        </Section>
      ) : null}
    </Container>
  );
}
