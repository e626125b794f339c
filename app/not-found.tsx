import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <Container>
      <PageHeading
        kicker="Erreur 404"
        title="Page introuvable"
        lead={
          <p>
            La page que vous cherchez n&apos;existe pas ou n&apos;existe plus. Vérifiez l&apos;adresse, ou repartez de l&apos;une de ces
            pages :
          </p>
        }
      />
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <TextLink href="/">Retour à l&apos;accueil : le projet social communal</TextLink>
        </li>
        <li>
          <TextLink href="/#thematiques">Les thématiques et les fiches actions</TextLink>
        </li>
        <li>
          <TextLink href="/demarche">La démarche</TextLink>
        </li>
      </ul>
    </Container>
  );
}
