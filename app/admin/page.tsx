import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { requireAdminPage } from "./require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration", robots: { index: false, follow: false } };

const areas = [
  {
    href: "/admin/utilisateurs",
    title: "Utilisateurs et rôles",
    text: "Trouver une personne, inviter un agent ou un·e élu·e, changer des rôles, désactiver ou réactiver un compte.",
  },
  {
    href: "/admin/conseils",
    title: "Conseils de quartier",
    text: "Créer un conseil, changer son nom, son quartier ou sa description, l'archiver.",
  },
  {
    href: "/admin/plan",
    title: "Le plan",
    text: "Ajouter ou modifier une thématique ou une fiche action, écrire son résumé en mots simples, changer l'ordre des fiches, archiver une fiche ; exporter le plan en un fichier, ou l'importer dans une installation vide.",
  },
  {
    href: "/admin/journal",
    title: "Journal",
    text: "Qui a fait quoi, quand et pourquoi : décisions de modération, réponses, rôles, invitations, points d'étape.",
  },
  {
    href: "/admin/parametres",
    title: "Paramètres",
    text: "Nombre de signalements qui masquent une contribution, délai de réponse de la Ville aux propositions.",
  },
];

/** The administration's home: one big door per area. */
export default async function AdminPage() {
  const actor = await requireAdminPage("/admin");
  return (
    <Container wide>
      <AdminNav current="accueil" />
      <PageHeading title="Administration" lead={<p>Bonjour {actor.displayName}. Que voulez-vous faire ?</p>} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {areas.map((area) => (
          <li key={area.href}>
            <a
              href={area.href}
              className="group flex h-full flex-col gap-2 rounded-lg border-2 border-slate-400 p-5 text-slate-900 no-underline hover:border-blue-900 hover:bg-blue-50"
            >
              <span className="text-xl font-bold text-blue-900 underline underline-offset-4 group-hover:decoration-2">{area.title}</span>
              <span className="text-base">{area.text}</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-8 text-base">
        Vous êtes connecté·e en tant que {actor.displayName} ({actor.email}).{" "}
        <a href="/deconnexion" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4">
          Se déconnecter
        </a>
      </p>
    </Container>
  );
}
