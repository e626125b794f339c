import type { Metadata } from "next";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/server/db";
import { agendaChoices } from "@/server/meetings/queries";
import { createMeetingAction } from "../actions";
import { requireMeetingManager } from "../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nouvelle réunion — Mon espace", robots: { index: false, follow: false } };

export default async function NewMeetingPage() {
  await requireMeetingManager("/espace/reunions/nouvelle");
  const choices = await agendaChoices(await getDb());
  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: "Réunions publiques", href: "/espace/reunions" },
          { label: "Nouvelle réunion" },
        ]}
      />
      <PageHeading
        title="Nouvelle réunion publique"
        lead={<p>Elle sera annoncée sur le site dès son enregistrement, avec son ordre du jour (sans les notes).</p>}
      />
      <MeetingForm
        mode="create"
        choices={choices.themes}
        defaults={{ title: "", date: "", time: "18:30", place: "", agenda: [] }}
        action={createMeetingAction}
        returnTo="/espace/reunions/nouvelle"
      />
    </Container>
  );
}
