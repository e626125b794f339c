import type { Metadata } from "next";
import { FormMessage } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { pluralize } from "@/lib/labels";
import { can, councilRoleLabel, roleLabels } from "@/lib/permissions";
import { joinFrench } from "@/lib/french";
import { requireActor } from "@/server/auth/actor";
import { listMyCouncils, type MyCouncil } from "@/server/councils/list-my-councils";

export const metadata: Metadata = { title: "Mon espace", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function attention(council: MyCouncil): string[] {
  if (!council.invitations) return [];
  const items = [];
  if (council.invitations.pending > 0)
    items.push(pluralize(council.invitations.pending, "invitation en attente", "invitations en attente"));
  if (council.invitations.expired > 0) items.push(pluralize(council.invitations.expired, "invitation expirée", "invitations expirées"));
  return items;
}

function CouncilCard({ council }: { council: MyCouncil }) {
  const todo = attention(council);
  const headingId = `conseil-${council.slug}`;
  return (
    <article aria-labelledby={headingId} className="h-full rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5">
      <h3 id={headingId} className="text-xl leading-snug font-bold">
        <a
          href={`/espace/conseils/${council.slug}`}
          className="inline-flex min-h-11 items-center text-blue-800 underline decoration-1 underline-offset-4 hover:text-blue-950 hover:decoration-2"
        >
          {council.name}
        </a>
      </h3>
      {council.isDemo ? (
        <p className="mt-1">
          <DemoMarker label="Conseil de démonstration" />
        </p>
      ) : null}
      <p className="mt-2 text-slate-800">
        Vous êtes <strong>{councilRoleLabel[council.role]}</strong>. {pluralize(council.memberCount, "membre", "membres")}.
      </p>
      {council.invitations ? (
        <p className={`mt-2 ${todo.length > 0 ? "font-semibold text-slate-900" : "text-slate-800"}`}>
          {todo.length > 0 ? `À suivre : ${joinFrench(todo)}.` : "Rien à suivre pour l'instant."}
        </p>
      ) : null}
    </article>
  );
}

/* The signed-in space: my councils and what needs my attention. Per request (reads the session). */
export default async function SpacePage({ searchParams }: Props) {
  const actor = await requireActor("/espace");
  const [result, query] = await Promise.all([getDb().then((db) => listMyCouncils(db, actor)), searchParams]);
  const space = result.ok ? result.data : { councils: [], otherCouncils: [] };
  const staffRoles = roleLabels(actor);
  const welcome =
    query.bienvenue === "1"
      ? "Bienvenue ! Votre compte est créé et vous êtes connecté·e."
      : query.invitation === "acceptee"
        ? "Invitation acceptée."
        : query.conseil === "quitte"
          ? "Vous avez quitté le conseil."
          : null;

  return (
    <Container>
      <PageHeading
        title="Mon espace"
        lead={
          <p>
            Vous êtes connecté·e en tant que <strong>{actor.displayName}</strong>
            {staffRoles.length > 0 ? ` (${joinFrench(staffRoles)})` : ""}.
          </p>
        }
      />
      {welcome ? <FormMessage kind="success">{welcome}</FormMessage> : null}

      <Section id="mes-conseils" title="Mes conseils de quartier">
        {space.councils.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2">
            {space.councils.map((council) => (
              <li key={council.slug}>
                <CouncilCard council={council} />
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Vous n&apos;êtes membre d&apos;aucun conseil de quartier pour l&apos;instant. Pour en rejoindre un, demandez une invitation à
            l&apos;un·e de ses référent·es.
          </p>
        )}
      </Section>

      {can(actor, "moderation.view") ? (
        <Section id="moderation" title="Modération">
          <p>
            <TextLink href="/moderation">File de modération des avis et propositions</TextLink>
          </p>
        </Section>
      ) : null}

      {actor.isModerator || actor.isOfficial || actor.isAdmin ? (
        <Section id="suivi-du-plan" title="Suivi du plan">
          <ul className="list-disc space-y-2 pl-6">
            <li>
              <TextLink href="/tableau-de-bord">Tableau de bord : les chiffres du plan par thématique et par conseil</TextLink>
            </li>
            <li>
              <TextLink href="/espace/fiches">Avancement des fiches : points d&apos;étape et échéances</TextLink>
            </li>
            {actor.isModerator || actor.isOfficial ? (
              <li>
                <TextLink href="/reponses">Réponses de la Ville aux propositions des conseils</TextLink>
              </li>
            ) : null}
            {can(actor, "meeting.manage") || can(actor, "meeting.present") ? (
              <li>
                <TextLink href="/espace/reunions">Réunions publiques : préparer et présenter</TextLink>
              </li>
            ) : null}
          </ul>
        </Section>
      ) : null}

      {can(actor, "admin.view") ? (
        <Section id="administration" title="Administration">
          <ul className="list-disc space-y-2 pl-6">
            <li>
              <TextLink href="/admin">Tableau d&apos;administration</TextLink>
            </li>
            <li>
              <TextLink href="/admin/utilisateurs">Utilisateurs et invitations de l&apos;équipe</TextLink>
            </li>
            <li>
              <TextLink href="/admin/conseils">Conseils de quartier : créer, renommer, archiver</TextLink>
            </li>
          </ul>
          {space.otherCouncils.length > 0 ? (
            <>
              <h3 className="mt-6 text-xl font-bold text-slate-900">Espaces des autres conseils</h3>
              <p className="mt-1 text-slate-800">Comme administrateur·rice, vous pouvez y inviter des personnes et gérer les membres.</p>
              <ul className="mt-3 flex flex-col gap-1">
                {space.otherCouncils.map((council) => (
                  <li key={council.slug}>
                    <TextLink href={`/espace/conseils/${council.slug}`} className="inline-flex min-h-11 items-center">
                      {council.name}
                    </TextLink>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      ) : null}

      <Section id="mon-compte" title="Mon compte">
        <p>
          <TextLink href="/espace/mes-donnees">Mes données : voir, télécharger ou supprimer mon compte</TextLink>
        </p>
      </Section>

      <p className="mt-12 border-t border-slate-200 pt-4 text-base text-slate-700">
        <TextLink href="/deconnexion">Se déconnecter</TextLink>
      </p>
    </Container>
  );
}
