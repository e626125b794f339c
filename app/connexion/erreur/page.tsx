import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { signInErrorMessage } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Connexion impossible", robots: { index: false } };

/*
 * next-auth's error page, in French. It is shown for next-auth's own codes (`Configuration`,
 * `AccessDenied`, `Verification`, anything else) and for the sign-in codes of
 * server/auth/options.ts when the form was sent without JavaScript. Codes are never shown as such.
 */
function explain(code: string | undefined): string {
  switch (code) {
    case "Configuration":
      return "Le service de connexion est mal configuré. Le problème vient de notre côté : réessayez plus tard, et prévenez la Ville s'il continue.";
    case "AccessDenied":
      return "Ce compte n'a pas accès à cet espace.";
    case "Verification":
      return "Ce lien de connexion n'est plus valable : il a déjà servi ou il a expiré.";
    case undefined:
    case "":
    case "Default":
      return "La connexion n'a pas abouti. Réessayez dans un instant.";
    default:
      return signInErrorMessage(code);
  }
}

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).error;
  const code = Array.isArray(raw) ? raw[0] : raw;
  // A refused sign-in sent without JavaScript: back to the form, with the message above it.
  if (code === "INVALID_CREDENTIALS" || code === "CredentialsSignin" || /^THROTTLED:\d+$/.test(code ?? "")) {
    // next-auth keeps the page asked for in a cookie: the sign-in page checks it again.
    const jar = await cookies();
    const callbackUrl = (jar.get("__Secure-next-auth.callback-url") ?? jar.get("next-auth.callback-url"))?.value;
    redirect(`/connexion?error=${encodeURIComponent(code!)}${callbackUrl ? `&callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  }
  return (
    <Container>
      <PageHeading title="Connexion impossible" />
      <div className="flex flex-col gap-6">
        <p className="rounded-md border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900">{explain(code)}</p>
        <p>
          <a href="/connexion" className={buttonClass}>
            Revenir à la page de connexion
          </a>
        </p>
        <p>
          Mot de passe perdu ? <TextLink href="/mot-de-passe-oublie">Choisir un nouveau mot de passe</TextLink>.
        </p>
      </div>
    </Container>
  );
}
