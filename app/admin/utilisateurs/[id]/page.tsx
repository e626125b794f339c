import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge, RoleBadges } from "@/components/admin/badges";
import { ChangeRolesForm } from "@/components/admin/change-roles-form";
import { Journal } from "@/components/admin/journal";
import { SuccessorForm } from "@/components/admin/successor-form";
import { FormMessage } from "@/components/form/field";
import { UserStatusForm } from "@/components/admin/user-status-form";
import { EraseUserForm } from "@/components/admin/erase-user-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { cityDay, formatDateTime, formatDay, isoDateTime } from "@/lib/dates";
import { erasureDueAt, yearsText } from "@/lib/personal-data";
import { can, councilRoleLabel } from "@/lib/permissions";
import { getPrivacySettings } from "@/server/settings/platform-settings";
import { getUser } from "@/server/users/get-user";
import { getDb } from "@/server/db";
import { requireAdminPage } from "../../require-admin";
import { changeRolesAction, eraseUserAction, handOverReferentAction, setUserStatusAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Fiche d'une personne — Administration", robots: { index: false, follow: false } };

/** One person: who they are, their roles (with the form to change them), their councils, their account's state and the journal. */
export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const handedOver = (await searchParams).reprise === "1";
  const actor = await requireAdminPage(`/admin/utilisateurs/${encodeURIComponent(id)}`);
  const userId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const db = await getDb();
  const [result, privacy] = await Promise.all([getUser(db, actor, userId), getPrivacySettings(db)]);
  if (!result.ok) notFound();
  const user = result.data;
  const isSelf = user.id === actor.id;
  const deactivated = user.deactivatedAt !== null;
  // An erased account is an empty row kept for what points at it: no form may bring it back
  // (the server functions refuse too: server/users/change-roles.ts, reactivate-user.ts).
  const erased = user.erasedAt !== null;

  return (
    <Container>
      <AdminNav current="utilisateurs" exact={false} />
      <Breadcrumb
        items={[
          { label: "Administration", href: "/admin" },
          { label: "Utilisateurs", href: "/admin/utilisateurs" },
          { label: user.displayName },
        ]}
      />
      <PageHeading kicker="Fiche d'une personne" title={user.displayName} />

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Adresse électronique</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-semibold">État du compte</dt>
        <dd>
          {erased ? (
            <Badge tone="warning">Compte supprimé le {formatDateTime(user.erasedAt!)}</Badge>
          ) : deactivated ? (
            <>
              <Badge tone="warning">Désactivé le {formatDateTime(user.deactivatedAt!)}</Badge>
              <p className="mt-1 text-base">
                Effacé automatiquement à partir du {formatDay(cityDay(erasureDueAt(user.deactivatedAt!, privacy)))}, s&apos;il n&apos;est
                pas réactivé d&apos;ici là (durée de conservation des comptes désactivés :{" "}
                <TextLink href="/admin/parametres#donnees-personnelles">{yearsText(privacy.deactivatedAccountYears)}</TextLink>
                ).
              </p>
            </>
          ) : (
            "Actif"
          )}
        </dd>
        <dt className="font-semibold">Rôles</dt>
        <dd>
          <RoleBadges roles={user.roles} />
        </dd>
        {user.title ? (
          <>
            <dt className="font-semibold">Fonction</dt>
            <dd>{user.title}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Compte créé</dt>
        <dd>
          <time dateTime={isoDateTime(user.createdAt)}>le {formatDateTime(user.createdAt)}</time>
        </dd>
        <dt className="font-semibold">Dernière connexion</dt>
        <dd>
          {user.lastSignInAt ? <time dateTime={isoDateTime(user.lastSignInAt)}>le {formatDateTime(user.lastSignInAt)}</time> : "jamais"}
        </dd>
      </dl>
      {user.isDemo ? (
        <p className="mt-4">
          <DemoMarker label="Compte de démonstration" />
        </p>
      ) : null}

      {erased ? (
        <Section id="suppression" title="Compte supprimé">
          <Notice>
            <p>
              Compte supprimé le {formatDateTime(user.erasedAt!)} : il ne contient plus de données personnelles. Ses rôles ne peuvent plus
              être changés et il ne peut pas être réactivé.
            </p>
          </Notice>
        </Section>
      ) : (
        <Section id="roles" title="Rôles">
          {can(actor, "user.roles.change", { targetUserId: user.id }) ? (
            <ChangeRolesForm userId={user.id} current={{ ...user.roles, title: user.title }} action={changeRolesAction} />
          ) : (
            <Notice>
              <p>
                {isSelf
                  ? "Vous ne pouvez pas changer vos propres rôles : demandez-le à un·e autre administrateur·rice. Ainsi, personne ne perd ses droits par mégarde."
                  : "Vous ne pouvez pas changer les rôles de cette personne."}
              </p>
            </Notice>
          )}
        </Section>
      )}

      <Section id="conseils" title="Conseils de quartier">
        {user.councils.length === 0 ? (
          <p>Cette personne n&apos;est membre d&apos;aucun conseil de quartier.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {user.councils.map((c) => (
              <li key={c.slug}>
                <TextLink href={`/espace/conseils/${c.slug}`}>{c.name}</TextLink> : {councilRoleLabel[c.role]}
                {c.archived ? " (conseil archivé)" : ""}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-base text-slate-800">Les membres sont invités et retirés depuis l&apos;espace de chaque conseil.</p>
      </Section>

      {user.soleReferentOf.length > 0 ? (
        <Section id="reprise" title="Qui reprend le rôle de référent·e ?">
          <p className="mb-4 max-w-prose">
            Cette personne est la seule référente {user.soleReferentOf.length > 1 ? "de ces conseils" : "de ce conseil"}. Avant de
            désactiver son compte, choisissez qui reprend ce rôle : sans référent·e, personne ne pourrait inviter ni gérer les membres.
          </p>
          <div className="flex flex-col gap-8">
            {user.soleReferentOf.map((council) => (
              <SuccessorForm key={council.councilId} council={council} userId={user.id} action={handOverReferentAction} />
            ))}
          </div>
        </Section>
      ) : null}

      {erased ? null : (
        <Section id="acces" title={deactivated ? "Réactiver le compte" : "Désactiver le compte"}>
          {handedOver && !deactivated && user.soleReferentOf.length === 0 ? (
            <div className="mb-4">
              <FormMessage kind="success">La personne choisie est maintenant référente : vous pouvez désactiver ce compte.</FormMessage>
            </div>
          ) : null}
          {can(actor, "user.deactivate", { targetUserId: user.id }) ? (
            <UserStatusForm userId={user.id} deactivated={deactivated} action={setUserStatusAction} />
          ) : (
            <Notice>
              <p>Vous ne pouvez pas désactiver votre propre compte.</p>
            </Notice>
          )}
        </Section>
      )}

      {erased ? null : (
        <Section id="effacer" title="Effacer le compte">
          {can(actor, "user.erase", { targetUserId: user.id }) ? (
            <EraseUserForm userId={user.id} action={eraseUserAction} />
          ) : (
            <Notice>
              <p>Pour effacer votre propre compte, utilisez « Mes données » dans votre espace.</p>
            </Notice>
          )}
        </Section>
      )}

      <Section id="journal" title="Journal">
        <Journal entries={user.journal} emptyText="Aucune modification n'a encore été inscrite au journal pour cette personne." />
      </Section>
    </Container>
  );
}
