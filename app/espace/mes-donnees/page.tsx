import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { councilRoleLabel, roleLabels } from "@/lib/permissions";
import { kindLabels, statusLabels } from "@/lib/validation/contribution";
import { joinFrench } from "@/lib/french";
import { RECENT_ROWS, loadMyData, type MyDataSummary, type SectionKey } from "@/server/account/my-data";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { EraseAccountForm } from "./erase-account-form";

export const metadata: Metadata = { title: "Mes données", robots: { index: false } };

const When = ({ date }: { date: unknown }) =>
  date instanceof Date ? <time dateTime={isoDateTime(date)}>{formatDateTime(date)}</time> : <>—</>;

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** One list of the page: how many rows, the latest ones, and where the rest is. */
function List({
  id,
  title,
  list,
  empty,
  render,
}: {
  id: SectionKey;
  title: string;
  list: MyDataSummary["lists"][SectionKey];
  empty: string;
  render: (row: Record<string, unknown>) => ReactNode;
}) {
  return (
    <Section id={id} title={title}>
      {list.total === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <p>
            {pluralize(list.total, "élément", "éléments")}
            {list.total > list.recent.length ? ` : voici les ${list.recent.length} plus récents, tout est dans le fichier.` : "."}
          </p>
          <ul className="mt-3 list-disc space-y-2 pl-6">
            {list.recent.map((row) => (
              <li key={String(row.id)} className="break-words">
                {render(row)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/* « Mes données »: what the app holds about the signed-in person, the download, and the account's erasure. */
export default async function MyDataPage() {
  const actor = await requireActor("/espace/mes-donnees");
  const result = await loadMyData(await getDb(), actor);
  if (!result.ok) throw new Error(result.message);
  const { account, memberships, lists } = result.data;
  const roles = roleLabels(account);

  return (
    <Container>
      <PageHeading
        title="Mes données"
        lead={
          <p>
            Ce que la plateforme conserve à votre sujet. Les listes montrent au plus les {RECENT_ROWS} éléments les plus récents ; le
            fichier contient tout.
          </p>
        }
      />
      <p>
        <a
          href="/espace/mes-donnees/export"
          download
          className="inline-flex min-h-11 items-center justify-center rounded-md bg-blue-900 px-5 py-2 font-semibold text-white underline-offset-4 hover:bg-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
        >
          Télécharger mes données (JSON)
        </a>
      </p>

      <Section id="compte" title="Mon compte">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Adresse électronique</dt>
          <dd className="break-all">{account.email}</dd>
          <dt className="font-semibold">Nom affiché</dt>
          <dd className="break-words">{account.displayName}</dd>
          <dt className="font-semibold">Fonction</dt>
          <dd>{account.title ?? "aucune"}</dd>
          <dt className="font-semibold">Rôles</dt>
          <dd>{roles.length > 0 ? joinFrench(roles) : "aucun rôle dans l'équipe de la Ville"}</dd>
          <dt className="font-semibold">Compte créé le</dt>
          <dd>
            <When date={account.createdAt} />
          </dd>
          <dt className="font-semibold">Dernière connexion</dt>
          <dd>{account.lastSignInAt ? <When date={account.lastSignInAt} /> : "jamais"}</dd>
        </dl>
        <p className="mt-2">
          Votre mot de passe n&apos;est conservé que sous une forme chiffrée qui ne permet pas de le retrouver ; il n&apos;est jamais
          exporté.
        </p>
      </Section>

      <Section id="conseils" title="Mes conseils de quartier">
        {memberships.length === 0 ? (
          <p>Vous n&apos;êtes membre d&apos;aucun conseil de quartier.</p>
        ) : (
          <ul className="list-disc space-y-2 pl-6">
            {memberships.map((m) => (
              <li key={m.slug}>
                {m.council} : {councilRoleLabel[m.role]} depuis le <When date={m.since} />,{" "}
                {m.nameShownPublicly ? "votre nom est affiché sur la page publique du conseil" : "votre nom n'est pas affiché publiquement"}
                .
              </li>
            ))}
          </ul>
        )}
      </Section>

      <List
        id="contributions"
        title="Mes avis et propositions"
        list={lists.contributions}
        empty="Vous n'avez rédigé ni soumis aucun avis ni aucune proposition."
        render={(c) => (
          <>
            {kindLabels[c.kind as keyof typeof kindLabels]} {c.title ? `« ${str(c.title)} » ` : ""}pour le conseil {str(c.council)}, fiche «{" "}
            {str(c.action)} » : <strong>{statusLabels[c.status as keyof typeof statusLabels].toLowerCase()}</strong> (créé le{" "}
            <When date={c.createdAt} />
            ).
          </>
        )}
      />
      <List
        id="comments"
        title="Mes commentaires"
        list={lists.comments}
        empty="Vous n'avez écrit aucun commentaire."
        render={(c) => (
          <>
            Le <When date={c.createdAt} /> : « {str(c.body).slice(0, 200)} »
          </>
        )}
      />
      <List
        id="reports"
        title="Mes signalements"
        list={lists.reports}
        empty="Vous n'avez fait aucun signalement."
        render={(r) => (
          <>
            Le <When date={r.createdAt} /> : « {str(r.reason).slice(0, 200)} »{r.resolvedAt ? " (traité)" : " (en attente)"}
          </>
        )}
      />
      <List
        id="supports"
        title="Soutiens donnés en mon nom"
        list={lists.supports}
        empty="Vous n'avez donné aucun soutien au nom d'un conseil."
        render={(s) => (
          <>
            Au nom du conseil {str(s.council)}, le <When date={s.createdAt} />.
          </>
        )}
      />
      <List
        id="notifications"
        title="Mes notifications"
        list={lists.notifications}
        empty="Vous n'avez aucune notification."
        render={(n) => (
          <>
            <When date={n.createdAt} /> : {str(n.message)}
          </>
        )}
      />
      <List
        id="journal"
        title="Le journal à mon sujet"
        list={lists.journal}
        empty="Le journal ne contient aucune action de votre part ni à votre sujet."
        render={(j) => (
          <>
            <When date={j.createdAt} /> : {j.byYou ? "action de votre part" : "action d'une autre personne sur votre compte"} (
            <code>{str(j.action)}</code>){j.reason ? ` — raison : ${str(j.reason)}` : ""}.
          </>
        )}
      />

      <Section id="supprimer" title="Supprimer mon compte">
        <Notice>
          <p>Si vous supprimez votre compte :</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>votre adresse électronique, votre nom, votre fonction et votre mot de passe sont effacés ;</li>
            <li>vos brouillons, vos commentaires, vos notifications et vos conseils de quartier sont effacés ;</li>
            <li>
              les avis et propositions déjà soumis ou publiés restent ceux de votre conseil : ils restent publics, signés « Ancien membre du
              conseil » suivi du nom du conseil, sans votre nom ;
            </li>
            <li>le journal garde la trace des actions, sous la mention « personne supprimée », sans votre nom ni votre adresse ;</li>
            <li>vous êtes déconnecté·e de tous vos appareils ;</li>
            <li>
              <strong>cela ne peut pas être annulé.</strong>
            </li>
          </ul>
          <p className="mt-2">Téléchargez d&apos;abord vos données si vous souhaitez les garder.</p>
        </Notice>
        <div className="mt-6">
          <EraseAccountForm />
        </div>
      </Section>

      <p className="mt-12 border-t border-slate-200 pt-4 text-base text-slate-700">
        <TextLink href="/espace">Retour à mon espace</TextLink>
      </p>
    </Container>
  );
}
