import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Compte supprimé", robots: { index: false } };

/* Where a person lands after erasing their account: public, static, says nothing about who. */
export default function AccountErasedPage() {
  return (
    <Container>
      <PageHeading
        title="Votre compte est supprimé"
        lead={<p>Votre adresse électronique, votre nom et vos données personnelles ont été effacés, et vous êtes déconnecté·e partout.</p>}
      />
      <p>
        Les avis et propositions publiés par votre conseil restent visibles, signés « Ancien membre du conseil » suivi du nom du conseil.
        Pour participer de nouveau, demandez une invitation à un·e référent·e de votre conseil de quartier.
      </p>
      <p className="mt-6">
        <TextLink href="/">Retour à l&apos;accueil</TextLink>
      </p>
    </Container>
  );
}
