import type { Metadata } from "next";
import { buttonClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { formatDateTime } from "@/lib/dates";
import { frenchQuote, joinFrench } from "@/lib/french";
import { councilRoleLabel } from "@/lib/permissions";
import { getActor } from "@/server/auth/actor";
import { invalidInvitationMessages } from "@/server/invitations/errors";
import { getInvitation, type InvitationView } from "@/server/invitations/get-invitation";
import { AcceptAsUserForm } from "./accept-as-user-form";
import { AcceptInvitationForm } from "./accept-invitation-form";

/*
 * The token is a secret: never indexed, never in a Referer (only this site's origin is sent, to
 * anyone). Not « no-referrer »: with it, the browser sends `Origin: null` with the forms' POST,
 * and Next refuses a server action from an unknown origin — the forms would fail without JavaScript.
 */
export const metadata: Metadata = { title: "Invitation", robots: { index: false }, referrer: "strict-origin" };
// Whether a link still works changes with time and use: always checked now, never cached.
export const dynamic = "force-dynamic";

const noticeClass = "rounded-md border-l-4 border-blue-800 bg-blue-50 p-4 text-slate-900";

function staffRoles(grants: InvitationView["grants"]) {
  return [
    grants.admin ? "administrateur·rice" : null,
    grants.moderator ? "modérateur·rice" : null,
    grants.official ? "élu·e" : null,
  ].filter((x): x is string => x !== null);
}

function Invited({ invitation }: { invitation: InvitationView }) {
  return (
    <div className="flex flex-col gap-3">
      {invitation.council?.isDemo ? (
        <p>
          <DemoMarker label="Conseil de démonstration" />
        </p>
      ) : null}
      <p>
        {invitation.kind === "council" && invitation.council ? (
          <>
            Vous êtes invité·e à rejoindre le <strong>{frenchQuote(invitation.council.name)}</strong> comme{" "}
            <strong>{councilRoleLabel[invitation.councilRole ?? "member"]}</strong>.
          </>
        ) : (
          <>
            Vous êtes invité·e à rejoindre l&apos;équipe de la Ville
            {staffRoles(invitation.grants).length > 0 ? (
              <>
                {" "}
                comme <strong>{joinFrench(staffRoles(invitation.grants))}</strong>
              </>
            ) : null}
            .
          </>
        )}
      </p>
      <p>
        Adresse invitée : <strong className="break-all">{invitation.email}</strong>
        <br />
        Ce lien est valable jusqu&apos;au {formatDateTime(invitation.expiresAt)}.
      </p>
    </div>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, actor] = await Promise.all([getDb().then((db) => getInvitation(db, token)), getActor()]);

  if (invitation.status === "invalid") {
    return (
      <Container>
        <PageHeading title="Ce lien d'invitation ne fonctionne pas" />
        <div className="flex max-w-xl flex-col gap-6">
          <p className="rounded-md border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
            {invalidInvitationMessages[invitation.reason]}
          </p>
          <p>
            Demandez une nouvelle invitation à la personne qui vous a invité·e : le ou la référent·e de votre conseil de quartier, ou la
            Ville.
          </p>
          <p>
            Vous avez déjà un compte ? <TextLink href="/connexion">Connectez-vous</TextLink>.
          </p>
        </div>
      </Container>
    );
  }

  const title = invitation.council ? `Invitation au ${invitation.council.name}` : "Invitation à l'équipe de la Ville";
  const signInHref = `/connexion?callbackUrl=${encodeURIComponent(`/invitation/${token}`)}`;

  return (
    <Container>
      <PageHeading kicker="Invitation" title={title} />
      <div className="flex max-w-xl flex-col gap-8">
        <Invited invitation={invitation} />

        {!invitation.hasAccount ? (
          <section aria-labelledby="creer-compte" className="flex flex-col gap-4">
            <h2 id="creer-compte" className="text-xl font-bold text-slate-900 sm:text-2xl">
              Créer votre compte
            </h2>
            {actor ? (
              <p className={noticeClass}>
                Vous êtes connecté·e en tant que {actor.displayName}. Ce formulaire crée un autre compte, pour l&apos;adresse invitée.
              </p>
            ) : null}
            <AcceptInvitationForm token={token} email={invitation.email} />
          </section>
        ) : !actor ? (
          <section aria-labelledby="se-connecter" className="flex flex-col items-start gap-4">
            <h2 id="se-connecter" className="text-xl font-bold text-slate-900 sm:text-2xl">
              Vous avez déjà un compte
            </h2>
            <p>
              Un compte existe déjà avec l&apos;adresse <strong className="break-all">{invitation.email}</strong> :{" "}
              <strong>connectez-vous avec ce compte pour accepter</strong>. Vous reviendrez ensuite sur cette page.
            </p>
            <a href={signInHref} className={buttonClass}>
              Se connecter pour accepter
            </a>
          </section>
        ) : actor.email !== invitation.email ? (
          <section aria-labelledby="autre-compte" className="flex flex-col items-start gap-4">
            <h2 id="autre-compte" className="text-xl font-bold text-slate-900 sm:text-2xl">
              Vous êtes connecté·e avec un autre compte
            </h2>
            <p>
              Cette invitation est pour <strong className="break-all">{invitation.email}</strong>, mais vous êtes connecté·e avec{" "}
              <strong className="break-all">{actor.email}</strong>. Déconnectez-vous, puis connectez-vous avec le compte de l&apos;adresse
              invitée et rouvrez le lien reçu par courriel.
            </p>
            <a href="/deconnexion" className={buttonClass}>
              Se déconnecter
            </a>
          </section>
        ) : (
          <section aria-labelledby="accepter" className="flex flex-col items-start gap-4">
            <h2 id="accepter" className="text-xl font-bold text-slate-900 sm:text-2xl">
              Accepter l&apos;invitation
            </h2>
            <p>Vous êtes connecté·e en tant que {actor.displayName}, avec l&apos;adresse invitée.</p>
            <AcceptAsUserForm token={token} />
          </section>
        )}
      </div>
    </Container>
  );
}
