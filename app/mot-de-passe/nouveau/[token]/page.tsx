import type { Metadata } from "next";
import { buttonClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/server/db";
import { isResetTokenValid, RESET_LINK_INVALID_MESSAGE } from "@/server/auth/password-reset";
import { NewPasswordForm } from "./new-password-form";

/*
 * The token is a secret: never indexed, never in a Referer (only this site's origin is sent, to
 * anyone). Not « no-referrer »: with it, the browser sends `Origin: null` with the form's POST,
 * and Next refuses a server action from an unknown origin — the form would fail without JavaScript.
 */
export const metadata: Metadata = { title: "Choisir un nouveau mot de passe", robots: { index: false }, referrer: "strict-origin" };
// Whether a link is still valid changes with time and use: always checked now, never cached.
export const dynamic = "force-dynamic";

export default async function NewPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = await isResetTokenValid(await getDb(), token);
  return (
    <Container>
      <PageHeading title="Choisir un nouveau mot de passe" />
      <div className="flex max-w-xl flex-col gap-8">
        {valid ? (
          <>
            <p className="text-slate-800">
              Une fois le nouveau mot de passe enregistré, vous serez déconnecté·e de tous vos appareils : reconnectez-vous avec ce nouveau
              mot de passe.
            </p>
            <NewPasswordForm token={token} />
          </>
        ) : (
          <>
            <p className="rounded-md border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900">{RESET_LINK_INVALID_MESSAGE}</p>
            <p>
              <a href="/mot-de-passe-oublie" className={buttonClass}>
                Demander un nouveau lien
              </a>
            </p>
          </>
        )}
      </div>
    </Container>
  );
}
