import type { Metadata } from "next";
import { buttonClass, FormMessage } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { getActor } from "@/server/auth/actor";
import { RevokeAllSessionsForm, SignOutForm } from "./sign-out-controls";

export const metadata: Metadata = { title: "Se déconnecter", robots: { index: false } };

const done = {
  deconnecte: "Vous êtes déconnecté·e.",
  partout: "Vous êtes déconnecté·e de tous vos appareils : sur chacun, il faudra vous reconnecter.",
} as const;

/*
 * next-auth's sign-out page. It reads the session (so it is rendered per request), and it says
 * plainly who is signed in — or that nobody is, which is also what a revoked session sees.
 */
export default async function SignOutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, params] = await Promise.all([getActor(), searchParams]);
  const state = params.etat === "deconnecte" || params.etat === "partout" ? params.etat : null;

  if (!actor) {
    return (
      <Container>
        <PageHeading title="Déconnexion" />
        <div className="flex max-w-xl flex-col gap-6">
          {state ? <FormMessage kind="success">{done[state]}</FormMessage> : <p>Vous n&apos;êtes pas connecté·e.</p>}
          <div className="flex flex-col items-start gap-4 sm:flex-row">
            <a href="/connexion" className={buttonClass}>
              Se connecter
            </a>
            <a href="/" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4 hover:decoration-2">
              Revenir à l&apos;accueil
            </a>
          </div>
        </div>
      </Container>
    );
  }

  return (
    <Container>
      <PageHeading title="Se déconnecter" />
      <div className="flex max-w-xl flex-col gap-10">
        <section aria-labelledby="cet-appareil" className="flex flex-col items-start gap-4">
          <h2 id="cet-appareil" className="text-xl font-bold text-slate-900">
            Sur cet appareil
          </h2>
          <p>
            Vous êtes connecté·e en tant que <strong>{actor.displayName}</strong>{" "}
            <span className="[overflow-wrap:anywhere]">({actor.email})</span>.
          </p>
          <SignOutForm />
        </section>
        <section aria-labelledby="tous-les-appareils" className="flex flex-col items-start gap-4 border-t border-slate-300 pt-8">
          <h2 id="tous-les-appareils" className="text-xl font-bold text-slate-900">
            Sur tous vos appareils
          </h2>
          <p>
            Vous vous êtes connecté·e sur un ordinateur partagé, ou vous avez perdu votre téléphone ? Ce bouton vous déconnecte partout à la
            fois, y compris ici.
          </p>
          <RevokeAllSessionsForm />
        </section>
      </div>
    </Container>
  );
}
