import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/plan/progress-bar";
import { StatusBadge } from "@/components/plan/status-badge";
import { LateBadge } from "@/components/progress/deadline-info";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { listProgressFiches, type ProgressFicheSummary } from "@/server/progress/queries";

export const metadata: Metadata = { title: "Avancement des fiches actions", robots: { index: false } };

function FicheRow({ fiche }: { fiche: ProgressFicheSummary }) {
  return (
    <li className="rounded-lg border-2 border-slate-300 bg-white p-4">
      <h3 className="text-lg leading-snug font-bold">
        <a
          href={`/espace/fiches/${fiche.slug}`}
          className="inline-flex min-h-11 items-center text-blue-800 wrap-anywhere underline decoration-1 underline-offset-4 hover:decoration-2"
        >
          {fiche.title}
        </a>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <StatusBadge status={fiche.status} />
        <ProgressBar progress={fiche.progress} />
        {fiche.deadline.late ? <LateBadge /> : null}
      </div>
      <p className="mt-2 text-slate-800">
        Échéance : {fiche.deadline.currentLabel ?? "non précisée"}
        {fiche.canReport ? "" : " — vous pouvez consulter cette fiche, pas publier de point d'étape."}
      </p>
    </li>
  );
}

/* Staff and officials: the fiches whose progress they report. Per request (reads the session). */
export default async function ProgressFichesPage() {
  const actor = await requireActor("/espace/fiches");
  const result = await listProgressFiches(await getDb(), actor);
  if (!result.ok) notFound();
  const mine = result.data.filter((f) => f.inCharge);
  const others = result.data.filter((f) => !f.inCharge);
  return (
    <Container>
      <Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: "Avancement des fiches" }]} />
      <PageHeading
        title="Avancement des fiches actions"
        lead={
          <p>
            Publiez un point d&apos;étape (public aussitôt, corrigeable pendant 24 heures), le nouveau statut et l&apos;avancement, ou
            changez l&apos;échéance d&apos;une fiche en donnant la raison. Le personnel de la Ville peut le faire sur toutes les fiches,
            un·e élu·e sur les fiches dont il ou elle est en charge.
          </p>
        }
      />
      {mine.length > 0 ? (
        <Section id="mes-fiches" title="Les fiches dont vous êtes en charge">
          <ul className="space-y-4">
            {mine.map((f) => (
              <FicheRow key={f.slug} fiche={f} />
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="fiches" title={mine.length > 0 ? "Les autres fiches" : "Toutes les fiches"}>
        <ul className="space-y-4">
          {others.map((f) => (
            <FicheRow key={f.slug} fiche={f} />
          ))}
        </ul>
      </Section>
    </Container>
  );
}
