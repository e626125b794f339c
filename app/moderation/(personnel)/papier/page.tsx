import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { cityDay } from "@/lib/dates";
import { requireActor } from "@/server/auth/actor";
import { listRecordableCouncils } from "@/server/contributions/record-paper";
import { getDb } from "@/server/db";
import { loadModerationCounts } from "@/server/moderation/lists";
import { loadActionChoices } from "@/server/plan/load-action-choices";
import { PaperContributionForm } from "./paper-form";

export const metadata: Metadata = { title: "Saisir une contribution reçue hors du site — Modération", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/*
 * A moderator records an avis or a proposition a council gave on paper, by mail or in a meeting.
 * Per request. It then waits in the moderation queue like any other (docs/decisions/0022-paper-contributions.md).
 */
export default async function PaperContributionPage({ searchParams }: Props) {
  const query = await searchParams;
  const kind = query.type === "proposition" ? "proposal" : "feedback";
  const actor = await requireActor(`/moderation/papier?type=${kind === "proposal" ? "proposition" : "avis"}`);
  const db = await getDb();
  const councils = await listRecordableCouncils(db, actor);
  if (!councils.ok) notFound();
  const [counts, actions] = await Promise.all([loadModerationCounts(db, actor), loadActionChoices(db)]);

  return (
    <Container>
      <PageHeading
        title="Saisir une contribution reçue hors du site"
        lead={
          <p>
            Un conseil a remis un avis ou une proposition sur papier, par courrier ou en réunion : saisissez-le ici en son nom. La
            contribution passe ensuite par la file de modération, comme celles écrites sur le site. Une fois publiée, elle porte le nom du
            conseil, le nom de l&apos;auteur s&apos;il est indiqué, et la mention « Reçue sur papier le … et saisie par la Ville ».
          </p>
        }
      />
      <ModerationTabs current="papier" counts={counts} />
      <p className="mb-6">
        {kind === "feedback" ? (
          <>
            Vous saisissez <strong>un avis</strong>.{" "}
            <TextLink href="/moderation/papier?type=proposition">Saisir plutôt une proposition</TextLink>
          </>
        ) : (
          <>
            Vous saisissez <strong>une proposition</strong>. <TextLink href="/moderation/papier?type=avis">Saisir plutôt un avis</TextLink>
          </>
        )}
      </p>
      {councils.data.length === 0 ? (
        <p>
          Aucun conseil actif pour lequel vous pouvez saisir une contribution (vous ne saisissez pas pour un conseil dont vous êtes membre).
        </p>
      ) : (
        <PaperContributionForm
          key={kind}
          kind={kind}
          councils={councils.data}
          actions={actions}
          today={cityDay(new Date())}
          clientRequestId={randomUUID()}
        />
      )}
    </Container>
  );
}
