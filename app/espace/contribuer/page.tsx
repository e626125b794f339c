import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { slug } from "@/lib/validation/fields";
import { requireActor } from "@/server/auth/actor";
import { listMyCouncils } from "@/server/councils/list-my-councils";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Donner l'avis de votre conseil", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/*
 * Where the public fiche page's link leads (the fiche page stays static: it never reads the
 * session). One council: straight to its form with the fiche chosen; several: pick one.
 */
export default async function ContributePage({ searchParams }: Props) {
  const query = await searchParams;
  // A fiche's slug from the address, or none (the form then asks which fiche).
  const fiche = slug().catch("").parse(query.fiche);
  const suffix = fiche ? `&fiche=${encodeURIComponent(fiche)}` : "";
  const actor = await requireActor(`/espace/contribuer${fiche ? `?fiche=${encodeURIComponent(fiche)}` : ""}`);
  const result = await listMyCouncils(await getDb(), actor);
  const councils = result.ok ? result.data.councils : [];
  if (councils.length === 1) redirect(`/espace/conseils/${councils[0]!.slug}/contributions/nouvelle?type=avis${suffix}`);
  return (
    <Container>
      <PageHeading title="Donner l'avis de votre conseil" />
      {councils.length === 0 ? (
        <p>
          Vous n&apos;êtes membre d&apos;aucun conseil de quartier : seuls leurs membres peuvent publier un avis ou une proposition en leur
          nom.
        </p>
      ) : (
        <>
          <p>Au nom de quel conseil écrivez-vous ?</p>
          <ul className="mt-4 space-y-2">
            {councils.map((c) => (
              <li key={c.slug}>
                <TextLink href={`/espace/conseils/${c.slug}/contributions/nouvelle?type=avis${suffix}`}>{c.name}</TextLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </Container>
  );
}
