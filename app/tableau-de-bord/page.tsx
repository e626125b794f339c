import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StackedBarChart, type ChartSeries } from "@/components/charts/stacked-bar-chart";
import { buttonClass, Field, inputClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { periodOf } from "@/lib/plans";
import { PageHeading } from "@/components/ui/page-heading";
import { ScrollTable, tableCell } from "@/components/ui/scroll-table";
import { Section } from "@/components/ui/section";
import { formatDelayDays, type AnswerStats } from "@/lib/answer-stats";
import { pluralize, statusLabel } from "@/lib/labels";
import { formatMonth } from "@/lib/months";
import { ROLLUP_RULE } from "@/lib/rollup";
import { requireActor } from "@/server/auth/actor";
import { loadDashboard, type DashboardRow } from "@/server/dashboard/load-dashboard";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Tableau de bord", robots: { index: false } };

/* Colours chosen to stay distinct for the common colour blindnesses; each also has a text label. */
// The words come from lib/labels.ts: the dashboard says what the public pages and slides say.
const statusSeries: ChartSeries[] = [
  { label: statusLabel("done"), color: "#1b5e20" },
  { label: statusLabel("in_progress"), color: "#1565c0" },
  { label: statusLabel("planned"), color: "#f9a825" },
  { label: statusLabel("suspended"), color: "#b71c1c" },
  { label: statusLabel(null), color: "#9e9e9e" },
];
const answerSeries: ChartSeries[] = [
  { label: "Répondues", color: "#1b5e20" },
  { label: "En attente", color: "#f9a825" },
  { label: "En retard", color: "#b71c1c" },
];
const contributionSeries: ChartSeries[] = [
  { label: "Avis", color: "#1565c0" },
  { label: "Propositions", color: "#f9a825" },
];

const statusValues = (r: DashboardRow) =>
  r.statuses ? [r.statuses.done, r.statuses.in_progress, r.statuses.planned, r.statuses.suspended, r.statuses.unknown] : [];
const answerValues = (a: AnswerStats) => [a.answered, a.waiting, a.late];
const medianText = (a: AnswerStats) => (a.medianDays === null ? "pas encore de réponse" : formatDelayDays(a.medianDays));

/** Published contributions per month, one row per theme or council (a wide table: it scrolls). */
function PerMonthTable({
  id,
  caption,
  rowHeader,
  rows,
  months,
}: {
  id: string;
  caption: string;
  rowHeader: string;
  rows: DashboardRow[];
  months: string[];
}) {
  const headers = [
    rowHeader,
    ...months.map((m) => (
      <span key={m} className="whitespace-nowrap">
        {formatMonth(m)}
      </span>
    )),
  ];
  return (
    <ScrollTable id={id} caption={caption} headers={headers}>
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row" className={`${tableCell} font-semibold`}>
            {r.label}
          </th>
          {r.perMonth.map((n, i) => (
            <td key={months[i]} className={`${tableCell} text-right`}>
              {n}
            </td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}

/* The officials' dashboard: live figures, by theme and by council. Per request (reads the session). */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ plan?: string | string[] }> }) {
  const asked = (await searchParams).plan;
  const planSlug = typeof asked === "string" ? asked : null;
  const actor = await requireActor(planSlug ? `/tableau-de-bord?plan=${encodeURIComponent(planSlug)}` : "/tableau-de-bord");
  const result = await loadDashboard(await getDb(), actor, new Date(), planSlug);
  if (!result.ok) notFound();
  const { plan, plans, themes, councils, months, total } = result.data;
  return (
    <Container>
      <PageHeading
        title="Tableau de bord"
        kicker={`${plan.title} · ${periodOf(plan)}${plan.state === "closed" ? " · plan terminé" : ""}`}
        lead={
          <p>
            Les chiffres {plan.state === "closed" ? "de ce plan terminé" : "du plan en direct"} :{" "}
            {pluralize(total.fiches, "fiche action", "fiches actions")}, dont {total.late} à l&apos;échéance dépassée ;{" "}
            {pluralize(total.feedback, "avis publié", "avis publiés")} et{" "}
            {pluralize(total.proposals, "proposition publiée", "propositions publiées")} par les conseils ; réponses de la Ville :{" "}
            {total.answers.answered} données, {total.answers.waiting} en attente, {total.answers.late} en retard ; délai médian de réponse :{" "}
            {medianText(total.answers)}. Seuls les contenus publiés sont comptés.
          </p>
        }
      />

      {plans.length > 1 ? (
        // A GET form: the chosen plan is in the address (shareable, works without JavaScript). Decision 0027.
        <form method="get" action="/tableau-de-bord" aria-label="Choisir le plan" className="mb-8 flex flex-wrap items-end gap-3">
          <Field id="tableau-plan" label="Plan">
            <select id="tableau-plan" name="plan" defaultValue={plan.slug} className={inputClass}>
              {plans.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.title} ({periodOf(p)}){p.state === "current" ? " — en cours" : " — terminé"}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className={buttonClass}>
            Afficher
          </button>
        </form>
      ) : null}

      <Section id="par-thematique" title="Par thématique">
        <StackedBarChart
          id="statuts"
          title="Fiches actions par statut"
          rowHeader="Thématique"
          unit="nombre de fiches"
          series={statusSeries}
          rows={themes.map((t) => ({ label: t.label, values: statusValues(t) }))}
        />
        <StackedBarChart
          id="reponses-thematiques"
          title="Réponses de la Ville aux propositions, par thématique"
          rowHeader="Thématique"
          unit="nombre de propositions publiées"
          series={answerSeries}
          rows={themes.map((t) => ({ label: t.label, values: answerValues(t.answers) }))}
        />
        <div
          className="mt-6 overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label="Avancement, retards et délai de réponse par thématique : tableau"
        >
          <table className="w-full border-collapse text-left text-base">
            <caption className="mb-2 text-left text-lg font-bold text-slate-900">
              Avancement, retards et délai de réponse par thématique
            </caption>
            <thead>
              <tr>
                {["Thématique", "Avancement", "Fiches à l'échéance dépassée", "Avis", "Propositions", "Délai médian de réponse"].map(
                  (h) => (
                    <th key={h} scope="col" className="border-b-2 border-slate-400 p-2">
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {themes.map((t) => (
                <tr key={t.key}>
                  <th scope="row" className="border-b border-slate-300 p-2 font-semibold">
                    {t.href ? (
                      <a className="text-blue-800 underline underline-offset-4" href={t.href}>
                        {t.label}
                      </a>
                    ) : (
                      t.label
                    )}
                  </th>
                  <td className="border-b border-slate-300 p-2">{t.progress === null ? "non renseigné" : `${t.progress} %`}</td>
                  <td className="border-b border-slate-300 p-2">{t.late}</td>
                  <td className="border-b border-slate-300 p-2">{t.feedback}</td>
                  <td className="border-b border-slate-300 p-2">{t.proposals}</td>
                  <td className="border-b border-slate-300 p-2">{medianText(t.answers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-slate-800">{ROLLUP_RULE}</p>
      </Section>

      <Section id="par-conseil" title="Par conseil de quartier">
        {councils.length === 0 ? (
          <p>Aucun conseil de quartier n&apos;est encore créé.</p>
        ) : (
          <>
            <StackedBarChart
              id="contributions-conseils"
              title="Avis et propositions publiés, par conseil"
              rowHeader="Conseil"
              unit="nombre de contributions publiées"
              series={contributionSeries}
              rows={councils.map((c) => ({ label: c.label, values: [c.feedback, c.proposals] }))}
            />
            <StackedBarChart
              id="reponses-conseils"
              title="Réponses de la Ville aux propositions, par conseil"
              rowHeader="Conseil"
              unit="nombre de propositions publiées"
              series={answerSeries}
              rows={councils.map((c) => ({ label: c.label, values: answerValues(c.answers) }))}
            />
          </>
        )}
      </Section>

      <Section id="par-mois" title="Contributions publiées par mois">
        <StackedBarChart
          id="mois"
          title="Avis et propositions publiés, sur les douze derniers mois"
          rowHeader="Mois"
          unit="nombre de contributions publiées"
          series={contributionSeries}
          rows={months.map((m) => ({ label: formatMonth(m.month), values: [m.feedback, m.proposals] }))}
        />
        <PerMonthTable
          id="mois-thematiques"
          caption="Avis et propositions publiés par mois, par thématique"
          rowHeader="Thématique"
          rows={themes}
          months={months.map((m) => m.month)}
        />
        <PerMonthTable
          id="mois-conseils"
          caption="Avis et propositions publiés par mois, par conseil"
          rowHeader="Conseil"
          rows={councils}
          months={months.map((m) => m.month)}
        />
      </Section>
    </Container>
  );
}
