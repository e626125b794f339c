import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { getCouncils } from "@/server/plan/load-councils";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { PageFreshness } from "@/components/plan/page-freshness";

export const revalidate = 3600;

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Conseils de quartier",
    description: (site) => `Les conseils de quartier et leur place dans le projet social communal — ${site}.`,
    path: "/conseils",
  });

export default async function CouncilsPage() {
  const councils = await getCouncils();
  const hasDemo = councils.some((c) => c.isDemo);

  return (
    <Container>
      <PageHeading
        title="Conseils de quartier"
        lead={
          <p>
            Les conseils de quartier réunissent des habitants de la commune. Ils donnent leur avis sur les fiches actions du projet social
            communal et font des propositions, auxquelles la Ville répond.
          </p>
        }
      />
      <div className="space-y-4">
        <p>
          Sur ce site, chaque conseil de quartier pourra donner son avis sur les fiches actions et faire des propositions. Rien de ce
          qu&apos;un conseil écrit n&apos;est publié avant d&apos;avoir été relu par la Ville, et chaque proposition recevra une réponse de
          la Ville.
        </p>
      </div>

      {hasDemo ? (
        <Notice title={<DemoMarker />} className="mt-8">
          <p>
            Les conseils marqués « Donnée de démonstration » ne sont pas réels : leurs noms, quartiers et membres seront renseignés par la
            Ville.
          </p>
        </Notice>
      ) : null}

      <Section id="liste" title="Les conseils de quartier">
        {councils.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2">
            {councils.map((council) => (
              <li key={council.slug}>
                <article
                  aria-labelledby={`conseil-${council.slug}`}
                  className={`h-full rounded-lg border p-4 sm:p-5 ${council.isDemo ? "border-2 border-dashed border-amber-800 bg-amber-50" : "border-slate-300 bg-white"}`}
                >
                  {council.isDemo ? (
                    <p className="mb-2">
                      <DemoMarker />
                    </p>
                  ) : null}
                  <h3 id={`conseil-${council.slug}`} className="text-xl leading-snug font-bold">
                    <TextLink href={`/conseils/${council.slug}`} className="inline-flex min-h-11 items-center">
                      {council.name}
                    </TextLink>
                  </h3>
                  <p className="mt-1 text-slate-800">{council.area ? `Quartier : ${council.area}` : "Quartier non renseigné"}</p>
                  {council.description ? <p className="mt-2 text-base text-slate-800">{council.description}</p> : null}
                </article>
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun conseil de quartier n&apos;est encore renseigné sur ce site.</p>
        )}
      </Section>

      <PageFreshness />
    </Container>
  );
}
