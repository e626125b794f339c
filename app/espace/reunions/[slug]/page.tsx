import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { DeleteMeetingForm } from "@/components/meetings/delete-meeting-form";
import { MinutesForm } from "@/components/meetings/minutes-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { getDb } from "@/server/db";
import { agendaChoices, getMeetingForEdit } from "@/server/meetings/queries";
import { deleteMeetingAction, setMinutesAction, updateMeetingAction } from "../actions";
import { requireMeetingManager } from "../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier une réunion — Mon espace", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cree?: string }> };

/** One meeting: its information and agenda (editable), the presentation, the minutes after it. */
export default async function StaffMeetingPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { cree } = await searchParams;
  const actor = await requireMeetingManager(`/espace/reunions/${encodeURIComponent(slug)}`);
  const db = await getDb();
  const result = await getMeetingForEdit(db, actor, slug);
  if (!result.ok) notFound();
  const meeting = result.data;
  const choices = await agendaChoices(db, meeting.planId);
  const hasTakenPlace = meeting.startsAt < new Date();
  const here = `/espace/reunions/${encodeURIComponent(meeting.slug)}`;

  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: "Réunions publiques", href: "/espace/reunions" },
          { label: meeting.title },
        ]}
      />
      <PageHeading kicker="Réunion publique" title={meeting.title} />
      {cree ? (
        <div className="mb-6">
          <FormMessage kind="success">La réunion est créée et annoncée sur le site.</FormMessage>
        </div>
      ) : null}
      {meeting.isDemo ? (
        <p className="mb-4">
          <DemoMarker label="Démonstration" />
        </p>
      ) : null}
      <ul className="space-y-1">
        <li>
          <TextLink href={`/presentation/${meeting.slug}`} className="inline-flex min-h-11 items-center">
            Présenter la réunion (diapositives)
          </TextLink>
        </li>
        <li>
          <TextLink href={`/presentation/${meeting.slug}/presentateur`} className="inline-flex min-h-11 items-center">
            Vue présentateur (notes, horloge)
          </TextLink>
        </li>
        <li>
          <TextLink href={`/reunions/${meeting.slug}`} className="inline-flex min-h-11 items-center">
            Page publique de la réunion
          </TextLink>
        </li>
      </ul>
      <p className="mt-2">
        {meeting.frozenAt
          ? `Données des diapositives figées le ${formatDateTime(meeting.frozenAt)}.`
          : "Les diapositives montrent les données en direct ; figez-les depuis la présentation avant la réunion."}
      </p>

      <Section id="informations" title="Date, lieu et ordre du jour">
        <MeetingForm
          mode="edit"
          meetingId={meeting.id}
          choices={choices.themes}
          defaults={meeting.values}
          action={updateMeetingAction}
          returnTo={here}
        />
      </Section>

      <Section id="compte-rendu" title="Compte rendu">
        {hasTakenPlace ? (
          <MinutesForm meetingId={meeting.id} current={meeting.minutes} action={setMinutesAction} returnTo={here} />
        ) : (
          <p>Le compte rendu pourra être ajouté ici après la réunion.</p>
        )}
      </Section>

      {hasTakenPlace ? null : (
        <Section id="supprimer" title="Supprimer la réunion">
          <p className="mb-4">Réunion annulée ou annoncée par erreur ? Tant qu&apos;elle n&apos;a pas eu lieu, vous pouvez la supprimer.</p>
          <DeleteMeetingForm meetingId={meeting.id} title={meeting.title} action={deleteMeetingAction} returnTo={here} />
        </Section>
      )}
    </Container>
  );
}
