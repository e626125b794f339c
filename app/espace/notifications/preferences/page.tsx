import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { getNotificationPreferences } from "@/server/notifications/preferences";
import { PreferencesForm } from "./preferences-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mes courriels de notification", robots: { index: false } };

/** Email on or off for each kind of notification that concerns me (by my councils and roles). */
export default async function NotificationPreferencesPage() {
  const actor = await requireActor("/espace/notifications/preferences");
  const result = await getNotificationPreferences(await getDb(), actor);
  if (!result.ok) throw new Error(result.message);
  const preferences = result.data;

  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: "Mes notifications", href: "/espace/notifications" },
          { label: "Courriels" },
        ]}
      />
      <PageHeading
        title="Mes courriels de notification"
        lead={
          <p>
            Vos notifications restent toujours visibles sur <TextLink href="/espace/notifications">la page de vos notifications</TextLink>.
            Par courriel, vous recevez au plus un message par jour, qui regroupe celles que vous n&apos;avez pas encore lues.
          </p>
        }
      />
      {preferences.length === 0 ? (
        <p>
          Vous ne recevez aucune notification pour l&apos;instant : elles concernent les membres des conseils de quartier et les personnes
          chargées de la modération.
        </p>
      ) : (
        <>
          <p className="mb-6 max-w-2xl">
            Décochez ce que vous ne voulez pas recevoir par courriel. Une notification reçue pendant qu&apos;un courriel est désactivé ne
            vous sera jamais envoyée par courriel, même si vous le réactivez ensuite.
          </p>
          <PreferencesForm kinds={preferences.map((p) => p.kind)} emailOn={preferences.filter((p) => p.email).map((p) => p.kind)} />
        </>
      )}
    </Container>
  );
}
