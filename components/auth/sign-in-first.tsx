import type { ReactNode } from "react";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";

/**
 * What a signed-out visitor sees when a public page's action (« Soutenir », « Signaler ») needs an
 * account: who may do it and how, rather than a bare sign-in form. The public pages stay static and
 * cannot know who is signed in, so they link here for everyone.
 */
export function SignInFirst({
  title,
  who,
  question,
  returnTo,
  back,
}: {
  title: string;
  /** Who may do this, in a sentence. */
  who: ReactNode;
  /** Who is asked to sign in: « Vous êtes membre d'un conseil de quartier ? ». */
  question: string;
  /** Where sign-in comes back to. */
  returnTo: string;
  back: { href: string; label: string };
}) {
  return (
    <Container>
      <PageHeading title={title} lead={<p>{who}</p>} />
      <p className="text-lg">
        {question} <TextLink href={`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`}>Connectez-vous</TextLink> : vous reviendrez
        ensuite sur cette page.
      </p>
      <p className="mt-4">
        Les comptes sont ouverts sur invitation : le référent de votre conseil de quartier ou la Ville vous envoie un lien pour créer le
        vôtre.
      </p>
      <p className="mt-8">
        <TextLink href={back.href}>{back.label}</TextLink>
      </p>
    </Container>
  );
}
