import type { Metadata } from "next";
import { MEETINGS_CALENDAR_PATH } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { MeetingList, PastMeetings } from "@/components/meetings/meeting-list";
import { FollowLink } from "@/components/plan/follow-link";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { getDb } from "@/server/db";
import { listPublicMeetings } from "@/server/meetings/queries";

/* Static like the other public pages: refreshed by every change of a meeting, and at least hourly
   (a meeting moves from « à venir » to « passées » with time). */
export const revalidate = 3600;

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Réunions publiques",
    description: (site) => `Les réunions publiques de restitution — ${site} : dates, lieux, ordres du jour et comptes rendus.`,
    path: "/reunions",
    calendars: [{ path: MEETINGS_CALENDAR_PATH, title: "Les réunions publiques" }],
  });

export default async function MeetingsPage() {
  const { upcoming, moreUpcoming, past, pageCount } = (await listPublicMeetings(await getDb()))!;
  return (
    <Container>
      <PageHeading
        title="Réunions publiques"
        lead={
          <p>Les élus présentent l&apos;avancement du projet social communal lors de réunions publiques ouvertes à toutes et à tous.</p>
        }
      />
      <Section id="a-venir" title="Réunions à venir" className="mt-8">
        {upcoming.length > 0 ? (
          <MeetingList meetings={upcoming} hrefOf={(m) => `/reunions/${m.slug}`} />
        ) : (
          <p>Aucune réunion n&apos;est annoncée pour l&apos;instant.</p>
        )}
        {moreUpcoming ? (
          <p className="mt-4">D&apos;autres réunions sont annoncées plus tard : elles paraîtront ici à l&apos;approche de leur date.</p>
        ) : null}
        <FollowLink href={MEETINGS_CALENDAR_PATH} kind="calendar">
          Ajouter les réunions publiques à mon agenda
        </FollowLink>
      </Section>
      <Section id="passees" title="Réunions passées">
        <PastMeetings meetings={past} page={1} pageCount={pageCount} />
      </Section>
    </Container>
  );
}
