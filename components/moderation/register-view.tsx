import type { ReactNode } from "react";
import { PageFreshness } from "@/components/plan/page-freshness";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { ScrollTable, tableCell } from "@/components/ui/scroll-table";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";
import { formatDecisionDelay, OTHER_REASON, type RegisterMonth } from "@/lib/moderation-register";
import { moderationRules } from "@/lib/moderation-rules";
import { formatMonth } from "@/lib/months";
import type { ModerationRegister } from "@/server/moderation/load-register";

/** Where a window of the register lives: the current one at /moderation/registre, earlier ones by their last month. */
export const registerHref = (register: Pick<ModerationRegister, "currentMonth">, end: string) =>
  end === register.currentMonth ? "/moderation/registre" : `/moderation/registre/${end}`;
/** The same window as a CSV file. */
export const registerCsvHref = (register: Pick<ModerationRegister, "currentMonth">, end: string) =>
  end === register.currentMonth ? "/moderation/registre/registre-moderation.csv" : `/moderation/registre/${end}/registre-moderation.csv`;

/** « novembre 2026 (mois en cours) »: the current month is said in words, not only shown by a style. */
function MonthName({ month, current }: { month: string; current: string }) {
  return (
    <>
      {formatMonth(month)}
      {month === current ? " " : null}
      {month === current ? <span className="block text-sm font-normal text-slate-700">(mois en cours)</span> : null}
    </>
  );
}

/** One table of the register: a month per row (newest first), numbers in columns. */
function MonthTable({
  id,
  caption,
  columns,
  register,
  cells,
}: {
  id: string;
  caption: string;
  columns: string[];
  register: ModerationRegister;
  cells: (month: RegisterMonth) => ReactNode[];
}) {
  return (
    <ScrollTable id={id} caption={caption} headers={["Mois", ...columns]}>
      {register.months.map((m) => (
        <tr key={m.month}>
          <th scope="row" className={`${tableCell} font-semibold whitespace-nowrap`}>
            <MonthName month={m.month} current={register.currentMonth} />
          </th>
          {cells(m).map((value, i) => (
            <td key={columns[i]} className={`${tableCell} text-right`}>
              {value}
            </td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}

/** This month's figures in sentences, first on the page: what a resident comes to read. */
function ThisMonth({ month }: { month: RegisterMonth }) {
  const hidden = month.hiddenByModerator + month.hiddenByReports;
  return (
    <ul className="list-disc space-y-1 pl-6">
      <li>{pluralize(month.received, "contribution reçue", "contributions reçues")}</li>
      <li>
        {pluralize(month.published, "publiée", "publiées")}, {pluralize(month.rejected, "refusée", "refusées")},{" "}
        {pluralize(hidden, "masquée", "masquées")} après publication
      </li>
      <li>délai médian entre la soumission et la décision : {formatDecisionDelay(month.medianDecisionHours)}</li>
      <li>
        {pluralize(month.reports, "signalement reçu", "signalements reçus")}, dont {month.reportsOpen} en attente d&apos;examen
      </li>
      <li>
        {pluralize(month.answersGiven, "proposition a reçu", "propositions ont reçu")} une première réponse de la Ville, dont{" "}
        {month.answersLate} après le délai
      </li>
    </ul>
  );
}

/* The public moderation register: figures per month, their CSV file, how to read them, and the rules. */
export function RegisterView({ register }: { register: ModerationRegister }) {
  const { months, categories, currentMonth, settings } = register;
  const end = months[0]!.month;
  const thisMonth = months.find((m) => m.month === currentMonth);
  const span = months.length > 1 ? `de ${formatMonth(months.at(-1)!.month)} à ${formatMonth(end)}` : formatMonth(end);
  const rules = moderationRules({
    reportThreshold: settings.reportThreshold,
    answerDueDays: settings.answerDueDays,
    refusalReasons: register.activeTemplates,
  });
  return (
    <Container>
      <PageHeading
        kicker="Modération"
        title="Registre de la modération"
        lead={
          <p>
            Ce que la Ville fait, mois par mois, des avis et propositions que les conseils de quartier lui soumettent : combien sont
            publiés, refusés et pour quel motif, masqués après publication ; les signalements reçus et leurs suites ; le temps mis à décider
            ; les réponses aux propositions. Des nombres seulement : aucun nom, aucun texte.
          </p>
        }
      />

      {thisMonth ? (
        <Section id="ce-mois" title={`Ce mois-ci : ${formatMonth(currentMonth)}`}>
          <p className="mb-2">Chiffres du mois en cours, depuis le 1er du mois :</p>
          <ThisMonth month={thisMonth} />
        </Section>
      ) : null}

      <Section id="mois-par-mois" title={`Mois par mois, ${span}`}>
        <p>
          Les mois les plus récents en premier.{" "}
          <TextLink href={registerCsvHref(register, end)} download>
            Télécharger ces chiffres (fichier CSV, {pluralize(months.length, "mois", "mois")})
          </TextLink>
        </p>
        <MonthTable
          id="table-decisions"
          caption="Contributions reçues et décisions"
          columns={[
            "Reçues",
            "Publiées",
            "Refusées",
            "Masquées par la modération",
            "Masquées après signalements",
            "Délai médian de décision",
          ]}
          register={register}
          cells={(m) => [
            m.received,
            m.published,
            m.rejected,
            m.hiddenByModerator,
            m.hiddenByReports,
            formatDecisionDelay(m.medianDecisionHours),
          ]}
        />
        <MonthTable
          id="table-motifs"
          caption="Refus par motif"
          columns={[...categories, "Total des refus"]}
          register={register}
          cells={(m) => [...m.rejectedBy, m.rejected]}
        />
        <MonthTable
          id="table-signalements"
          caption="Signalements reçus et suites données"
          columns={["Signalements reçus", "Contribution masquée", "Contribution maintenue", "En attente d'examen"]}
          register={register}
          cells={(m) => [m.reports, m.reportsHidden, m.reportsKept, m.reportsOpen]}
        />
        <MonthTable
          id="table-reponses"
          caption="Réponses de la Ville aux propositions"
          columns={["Premières réponses données", `Dont après le délai de ${settings.answerDueDays} jours`]}
          register={register}
          cells={(m) => [m.answersGiven, m.answersLate]}
        />
        <p className="mt-4">
          Aujourd&apos;hui,{" "}
          {register.lateNow === 0
            ? "aucune proposition publiée n'attend de réponse au-delà du délai."
            : `${pluralize(register.lateNow, "proposition publiée attend", "propositions publiées attendent")} une réponse au-delà du délai.`}
        </p>
        {register.previousEnd || register.nextEnd ? (
          <nav aria-label="Autres mois du registre" className="mt-6">
            <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
              {register.previousEnd ? (
                <li>
                  <TextLink href={registerHref(register, register.previousEnd)} className="inline-flex min-h-11 items-center">
                    Mois précédents
                  </TextLink>
                </li>
              ) : null}
              {register.nextEnd ? (
                <li>
                  <TextLink href={registerHref(register, register.nextEnd)} className="inline-flex min-h-11 items-center">
                    Mois suivants
                  </TextLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </Section>

      <Section id="lire" title="Comment lire ces chiffres">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Les mois sont comptés à l&apos;heure de Paris. <strong>Reçues</strong> : les envois à la modération ; un texte retiré par son
            conseil puis envoyé de nouveau compte à chaque envoi.
          </li>
          <li>
            <strong>Publiées</strong>, <strong>refusées</strong> et le <strong>délai médian</strong> : les décisions prises dans le mois ;
            la moitié des textes ont été décidés plus vite que ce délai, l&apos;autre moitié moins vite.
          </li>
          <li>
            <strong>Motifs</strong> : les motifs types que les modérateur·rices choisissent en refusant. Un refus rédigé sans motif type, ou
            décidé avant que le motif choisi ne soit enregistré, compte dans « {OTHER_REASON} » : le registre ne lit jamais le texte
            d&apos;une raison.
          </li>
          <li>
            <strong>Masquées</strong> : des textes publiés puis retirés, par un·e modérateur·rice ou automatiquement après{" "}
            {pluralize(settings.reportThreshold, "signalement", "signalements")}. Un texte masqué automatiquement puis gardé masqué par la
            modération ne compte qu&apos;une fois.
          </li>
          <li>
            <strong>Signalements</strong> : ceux reçus dans le mois, et ce qu&apos;il en est advenu depuis (la contribution a été masquée,
            ou maintenue ou republiée, ou l&apos;examen est encore à faire) ; ces suites évoluent tant que des signalements attendent.
          </li>
          <li>
            <strong>Réponses</strong> : les propositions qui ont reçu dans le mois leur première réponse de la Ville, et parmi elles celles
            répondues après la date promise.
          </li>
        </ul>
      </Section>

      <Section id="regles" title="Les règles de la modération">
        {rules.map((section) => (
          <div key={section.title} className="mt-6">
            <h3 className="mb-2 text-xl font-bold text-slate-900">{section.title}</h3>
            <div className="space-y-3">
              {section.paragraphs.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </div>
          </div>
        ))}
      </Section>

      <PageFreshness />
    </Container>
  );
}
