import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InviteMemberForm } from "@/components/councils/invite-member-form";
import { FormMessage } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { can, councilRoleLabel } from "@/lib/permissions";
import { requireActor } from "@/server/auth/actor";
import { getCouncilSpace } from "@/server/councils/get-council-space";
import { inviteMemberAction } from "./actions";
import { MemberActions } from "./member-actions";
import { RevokeInvitationButton } from "./revoke-invitation-button";
import { VisibilityForm } from "./visibility-form";

export const metadata: Metadata = { title: "Espace du conseil", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const roleBadge = (role: "member" | "referent") =>
  role === "referent"
    ? "inline-flex rounded border-2 border-blue-900 bg-blue-50 px-2 py-0.5 text-base font-bold text-blue-950"
    : "inline-flex rounded border-2 border-slate-500 bg-white px-2 py-0.5 text-base font-semibold text-slate-800";

/*
 * A council's own space, for its members (and admins). Per request: it reads the session, and the
 * server layer decides what this person may see (members' names; emails and invitations only for
 * referents and admins).
 */
export default async function CouncilSpacePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/espace/conseils/${slug}`);
  const result = await getCouncilSpace(await getDb(), actor, slug);

  if (!result.ok) {
    if (result.code !== "FORBIDDEN") notFound();
    return (
      <Container>
        <Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: "Accès réservé" }]} />
        <PageHeading title="Accès réservé" />
        <div className="flex max-w-xl flex-col gap-4">
          <p className="rounded-md border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900">{result.message}</p>
          <p>
            Si vous pensez devoir en faire partie, demandez une invitation à l&apos;un·e de ses référent·es. Les informations publiques du
            conseil sont sur <TextLink href={`/conseils/${slug}`}>sa page publique</TextLink>.
          </p>
          <p>
            <TextLink href="/espace">Retour à mon espace</TextLink>
          </p>
        </div>
      </Container>
    );
  }

  const space = result.data;
  const { council, allowed } = space;
  const activeCount = space.members.filter((m) => !m.deactivated).length;
  const notice =
    query.membre === "retire"
      ? "La personne a été retirée du conseil."
      : query.invitation === "annulee"
        ? "L'invitation a été annulée : son lien ne fonctionne plus."
        : query.invitation === "acceptee"
          ? `Bienvenue : vous faites maintenant partie du ${council.name}.`
          : null;

  return (
    <Container>
      <Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: council.name }]} />
      <PageHeading
        kicker="Espace du conseil"
        title={council.name}
        lead={
          <p>
            {space.myRole
              ? `Vous êtes ${councilRoleLabel[space.myRole]} de ce conseil.`
              : "Vous n'êtes pas membre de ce conseil : vous le voyez comme administrateur·rice du site."}
          </p>
        }
      />
      <div className="flex flex-col gap-4">
        {notice ? <FormMessage kind="success">{notice}</FormMessage> : null}
        {council.isDemo ? (
          <p>
            <DemoMarker label="Conseil de démonstration" />
          </p>
        ) : null}
        <p>
          {council.area ? `Quartier : ${council.area}. ` : ""}
          <TextLink href={`/conseils/${council.slug}`}>Voir la page publique du conseil</TextLink>
        </p>
        {can(actor, "council.settings.update", { councilId: council.id }) ? (
          <p>
            <TextLink href={`/espace/conseils/${council.slug}/parametres`}>Paramètres du conseil</TextLink> (qui peut soumettre une
            contribution à la modération)
          </p>
        ) : null}
      </div>

      <nav aria-label="Sur cette page" className="mt-8">
        <p className="font-semibold text-slate-900">Sur cette page :</p>
        <ul className="mt-1 flex flex-wrap gap-x-6">
          {[
            ["#membres", "Les membres"],
            ...(allowed.setVisibility && space.myNameIsPublic !== null ? [["#mon-nom", "Afficher mon nom"]] : []),
            ...(allowed.invite ? [["#inviter", "Inviter une personne"]] : []),
            ...(space.invitations ? [["#invitations", "Invitations en attente"]] : []),
            ["#contributions", "Avis et propositions"],
          ].map(([href, label]) => (
            <li key={href}>
              <TextLink href={href} className="inline-flex min-h-11 items-center">
                {label}
              </TextLink>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="membres" title={`Membres (${activeCount})`}>
        <ul className="flex flex-col gap-4">
          {space.members.map((member) => {
            const canSetRole = allowed.setRoles && !member.deactivated;
            const canRemove = member.isMe ? allowed.leave : allowed.removeMembers;
            return (
              <li key={member.userId} className="rounded-lg border border-slate-300 bg-white p-4">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <p className="text-lg font-bold text-slate-900">
                    {member.displayName}
                    {member.isMe ? <span className="font-normal"> (vous)</span> : null}
                  </p>
                  <span className={roleBadge(member.role)}>{councilRoleLabel[member.role]}</span>
                  {member.deactivated ? <span className="text-base font-semibold text-red-900">compte désactivé</span> : null}
                </div>
                {member.email ? <p className="mt-1 break-all text-base text-slate-700">{member.email}</p> : null}
                {canSetRole || canRemove ? (
                  <div className="mt-3">
                    <MemberActions
                      councilId={council.id}
                      councilSlug={council.slug}
                      member={member}
                      canSetRole={canSetRole}
                      canRemove={canRemove}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {allowed.setRoles ? <p className="mt-4 text-base text-slate-700">Un conseil garde toujours au moins un·e référent·e.</p> : null}
      </Section>

      {allowed.setVisibility && space.myNameIsPublic !== null ? (
        <Section id="mon-nom" title="Afficher mon nom publiquement">
          <VisibilityForm councilId={council.id} councilSlug={council.slug} visible={space.myNameIsPublic} />
        </Section>
      ) : null}

      {allowed.invite ? (
        <Section id="inviter" title="Inviter une personne">
          <div className="max-w-xl">
            <InviteMemberForm councilId={council.id} returnTo={`/espace/conseils/${council.slug}`} action={inviteMemberAction} />
          </div>
        </Section>
      ) : null}

      {space.invitations ? (
        <Section id="invitations" title="Invitations en attente">
          {space.invitations.length === 0 ? (
            <p>Aucune invitation en attente.</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {space.invitations.map((invitation) => (
                <li key={invitation.id} className="rounded-lg border border-slate-300 bg-white p-4">
                  <p className="font-bold break-all text-slate-900">{invitation.email}</p>
                  <p className="mt-1 text-base text-slate-800">
                    Invité·e comme {councilRoleLabel[invitation.role]}
                    {invitation.invitedBy ? ` par ${invitation.invitedBy}` : ""}, le {formatDateTime(invitation.createdAt)}.
                  </p>
                  <p className={`mt-1 text-base ${invitation.expired ? "font-semibold text-red-900" : "text-slate-800"}`}>
                    {invitation.expired
                      ? `Lien expiré depuis le ${formatDateTime(invitation.expiresAt)} : invitez de nouveau cette personne si besoin.`
                      : `Lien valable jusqu'au ${formatDateTime(invitation.expiresAt)}.`}
                  </p>
                  {allowed.revokeInvitations ? (
                    <div className="mt-3">
                      <RevokeInvitationButton invitationId={invitation.id} email={invitation.email} councilSlug={council.slug} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      <Section id="contributions" title="Avis et propositions">
        <p>
          Le conseil écrit ses avis et ses propositions sur les fiches actions du projet social communal. Rien n&apos;est publié avant
          d&apos;avoir été relu par la Ville.
        </p>
        {space.myRole ? (
          <ul className="mt-3 flex flex-wrap gap-x-6">
            <li>
              <TextLink href={`/espace/conseils/${council.slug}/contributions`} className="inline-flex min-h-11 items-center">
                Brouillons, contributions en attente et publiées
              </TextLink>
            </li>
            <li>
              <TextLink
                href={`/espace/conseils/${council.slug}/contributions/nouvelle?type=avis`}
                className="inline-flex min-h-11 items-center"
              >
                Nouvel avis
              </TextLink>
            </li>
            <li>
              <TextLink
                href={`/espace/conseils/${council.slug}/contributions/nouvelle?type=proposition`}
                className="inline-flex min-h-11 items-center"
              >
                Nouvelle proposition
              </TextLink>
            </li>
          </ul>
        ) : null}
      </Section>

      <p className="mt-12 text-base text-slate-700">
        {pluralize(activeCount, "membre", "membres")} dans ce conseil. <TextLink href="/espace">Retour à mon espace</TextLink>
      </p>
    </Container>
  );
}
