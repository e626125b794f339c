import type { Metadata } from "next";
import { headers } from "next/headers";
import { FormMessage } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { siteOrigin } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInErrorMessage } from "@/lib/validation/auth";
import { CSRF_HEADER } from "@/server/auth/csrf";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Se connecter", robots: { index: false } };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/*
 * The sign-in page reads its query string (never the session): `callbackUrl` (where to go next,
 * made a path of this site here, checked again by next-auth), `error` (next-auth sends people here
 * with one when sign-in fails without JavaScript) and `motDePasse=change` (after a password
 * reset); and next-auth's CSRF token, which proxy.ts hands over, for the form's hidden field.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, requestHeaders] = await Promise.all([searchParams, headers()]);
  const csrfToken = requestHeaders.get(CSRF_HEADER) ?? "";
  // `csrf=true`: next-auth refused a form whose hidden token no longer matched (an old tab).
  const error = first(params.error) ?? (first(params.csrf) === "true" ? "CSRF" : undefined);
  const passwordChanged = first(params.motDePasse) === "change";
  // Without JavaScript, a new account goes on to this page: the account exists, sign in with it.
  const accountCreated = first(params.compte) === "cree";
  return (
    <Container>
      <PageHeading title="Se connecter" lead="Pour les membres des conseils de quartier, les agents de la Ville et les élus." />
      <div className="flex max-w-xl flex-col gap-8">
        {passwordChanged ? (
          <FormMessage kind="success">Votre mot de passe a été changé. Connectez-vous avec le nouveau.</FormMessage>
        ) : null}
        {accountCreated ? (
          <FormMessage kind="success">
            Votre compte est créé. Connectez-vous avec votre adresse électronique et le mot de passe que vous venez de choisir.
          </FormMessage>
        ) : null}
        <SignInForm
          destination={safeCallbackPath(first(params.callbackUrl), siteOrigin())}
          csrfToken={csrfToken}
          initialError={error ? signInErrorMessage(error) : undefined}
        />
        <section aria-labelledby="pas-de-compte" className="border-t border-slate-300 pt-6">
          <h2 id="pas-de-compte" className="text-xl font-bold text-slate-900">
            Pas encore de compte ?
          </h2>
          <p className="mt-2 text-slate-800">
            On ne crée pas de compte soi-même : le ou la référent·e de votre conseil de quartier, ou la Ville, vous envoie une invitation
            par courriel. Pour consulter le projet social communal, aucun compte n&apos;est nécessaire.
          </p>
        </section>
      </div>
    </Container>
  );
}
