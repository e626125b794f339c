import type { Metadata } from "next";
import { feedPath } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { notFound } from "next/navigation";
import { getThemePage } from "@/server/plan/load-theme-page";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { describeThemeSourceCounts } from "@/lib/plan-text";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { ActionList } from "@/components/plan/action-list";
import { FollowLink } from "@/components/plan/follow-link";
import { PageFreshness } from "@/components/plan/page-freshness";
import { PrintHandout } from "@/components/plan/print-handout";
import { RollupProgress } from "@/components/plan/progress-bar";
import { RollupRule } from "@/components/plan/rollup-rule";
import { ThemeTitle } from "@/components/plan/theme-card";

/* No theme is rendered at build time (the build does not read the database): each page is
   rendered on its first visit, then served from cache and refreshed at least hourly. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getThemePage((await params).slug);
  if (!page) return { title: "Page introuvable" };
  const { slug, number, title } = page.theme;
  return publicPageMetadata({
    title: `Thématique ${number} : ${title}`,
    description: (site) => `Les fiches actions de la thématique « ${title} » — ${site}, avec leur statut et leur avancement.`,
    path: `/thematiques/${slug}`,
    feeds: [{ path: feedPath({ kind: "theme", slug }), title: `Les nouveautés de la thématique ${number}` }],
  });
}

export default async function ThemePage({ params }: Props) {
  const page = await getThemePage((await params).slug);
  if (!page) notFound();
  const { theme, otherThemesByAction } = page;
  const listed = theme.actions.length;

  return (
    <Container>
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: `Thématique ${theme.number}` }]} />
      <PageHeading
        title={<ThemeTitle number={theme.number} title={theme.title} numberClassName="mb-1 text-xl text-blue-800" />}
        lead={theme.description ? <p>{theme.description}</p> : undefined}
      />

      {theme.archivedAt ? (
        <Notice title="Thématique archivée" className="mb-6">
          <p>
            La Ville a archivé cette thématique le <time dateTime={isoDateTime(theme.archivedAt)}>{formatDateTime(theme.archivedAt)}</time>{" "}
            : elle ne figure plus dans les listes du plan. Cette page reste consultable à la même adresse.
          </p>
        </Notice>
      ) : null}

      <Notice title="Ce que dit le document source">
        {describeThemeSourceCounts(theme.announcedActionCount, listed - theme.addedActionSlugs.length, listed).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </Notice>

      <Section id="avancement" title="Avancement de la thématique">
        <RollupProgress progress={theme.progress} coverage={theme.progressCoverage} />
        <RollupRule />
      </Section>

      <Section
        id="fiches"
        title={
          listed === 1
            ? "La fiche action de cette thématique"
            : `Les ${pluralize(listed, "fiche action", "fiches actions")} de cette thématique`
        }
      >
        {listed > 0 ? (
          <ActionList actions={theme.actions} otherThemesByAction={otherThemesByAction} />
        ) : (
          <p>Aucune fiche action n&apos;est encore publiée pour cette thématique.</p>
        )}
      </Section>

      <FollowLink href={feedPath({ kind: "theme", slug: theme.slug })} kind="feed" className="mt-12">
        Suivre les nouveautés de cette thématique
      </FollowLink>
      <PageFreshness />
      <PrintHandout path={`/thematiques/${theme.slug}`} />
    </Container>
  );
}
