import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge, RoleBadges } from "@/components/admin/badges";
import { InviteStaffForm } from "@/components/admin/invite-staff-form";
import { buttonClass, inputClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { frenchQuote } from "@/lib/french";
import { pluralize } from "@/lib/labels";
import { councilRoleLabel } from "@/lib/permissions";
import { listUsers } from "@/server/users/list-users";
import { getDb } from "@/server/db";
import { requireAdminPage } from "../require-admin";
import { inviteStaffAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Utilisateurs — Administration", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function pageHref(search: string, page: number) {
  const params = new URLSearchParams();
  if (search) params.set("recherche", search);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/admin/utilisateurs${query ? `?${query}` : ""}#resultats`;
}

/** Everyone with an account: search (a plain GET form, works without JavaScript), pages of 20, and the invitation form. */
export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const search = first(params.recherche) ?? "";
  const actor = await requireAdminPage(`/admin/utilisateurs${search ? `?recherche=${encodeURIComponent(search)}` : ""}`);
  const result = await listUsers(await getDb(), actor, { search, page: first(params.page) });
  if (!result.ok) throw new Error(result.message);
  const list = result.data;

  return (
    <Container wide>
      <AdminNav current="utilisateurs" />
      <PageHeading
        title="Utilisateurs et rôles"
        lead={
          <p>
            Toutes les personnes qui ont un compte. Ouvrez la fiche d&apos;une personne pour changer ses rôles ou désactiver son compte.{" "}
            <TextLink href="#inviter">Inviter une personne de la Ville</TextLink>
          </p>
        }
      />

      <form
        method="get"
        action="/admin/utilisateurs"
        role="search"
        aria-label="Rechercher une personne"
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
      >
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="recherche" className="font-semibold text-slate-900">
            Nom ou adresse électronique
          </label>
          <input
            id="recherche"
            name="recherche"
            type="search"
            defaultValue={list.search}
            className={inputClass}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit" className={buttonClass}>
          Rechercher
        </button>
      </form>

      <Section id="resultats" title={list.search ? `Résultats pour ${frenchQuote(list.search)}` : "Toutes les personnes"}>
        <p className="mb-4" role="status">
          {list.total === 0
            ? list.search
              ? "Personne ne correspond à cette recherche."
              : "Aucun compte pour l'instant."
            : `${pluralize(list.total, "personne", "personnes")}${list.pageCount > 1 ? ` — page ${list.page} sur ${list.pageCount}` : ""}.`}{" "}
          {list.search ? <TextLink href="/admin/utilisateurs">Voir tout le monde</TextLink> : null}
        </p>

        <ul className="space-y-3">
          {list.rows.map((user) => (
            <li
              key={user.id}
              className={`rounded-lg border-2 p-4 ${user.deactivated ? "border-dashed border-slate-500 bg-slate-50" : "border-slate-300"}`}
            >
              <h3 className="text-xl font-bold">
                <TextLink href={`/admin/utilisateurs/${user.id}`}>{user.displayName}</TextLink>
              </h3>
              <p className="text-base break-all text-slate-800">{user.email}</p>
              {user.title ? <p className="text-base text-slate-800">{user.title}</p> : null}
              <div className="mt-2 flex flex-wrap items-center gap-2">
                {user.deactivated ? <Badge tone="warning">Compte désactivé</Badge> : null}
                <RoleBadges roles={user.roles} />
              </div>
              {user.councils.length > 0 ? (
                <p className="mt-2 text-base">
                  <span className="font-semibold">Conseils : </span>
                  {user.councils.map((c) => `${c.name} (${councilRoleLabel[c.role]}${c.archived ? ", conseil archivé" : ""})`).join(" ; ")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>

        {list.pageCount > 1 ? (
          <nav aria-label="Pages de résultats" className="mt-6 flex flex-wrap items-center gap-4">
            {list.page > 1 ? (
              <TextLink href={pageHref(list.search, list.page - 1)} className="inline-flex min-h-11 items-center">
                ← Page précédente
              </TextLink>
            ) : null}
            <span>
              Page {list.page} sur {list.pageCount}
            </span>
            {list.page < list.pageCount ? (
              <TextLink href={pageHref(list.search, list.page + 1)} className="inline-flex min-h-11 items-center">
                Page suivante →
              </TextLink>
            ) : null}
          </nav>
        ) : null}
      </Section>

      <Section id="inviter" title="Inviter une personne de la Ville">
        <div className="max-w-2xl">
          <p className="mb-6">
            Pour un agent de la mairie ou du CCAS, ou un·e élu·e. Les membres des conseils de quartier sont invités depuis l&apos;espace de
            leur conseil.
          </p>
          <InviteStaffForm action={inviteStaffAction} />
        </div>
      </Section>
    </Container>
  );
}
