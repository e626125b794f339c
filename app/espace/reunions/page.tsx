import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { buttonClass, FormMessage } from "@/components/form/field";
import { MeetingList } from "@/components/meetings/meeting-list";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination, parsePageNumber } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { listMeetingsForStaff } from "@/server/meetings/queries";
import { can } from "@/lib/permissions";
import { requireMeetingStaff } from "./load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Réunions publiques — Mon espace", robots: { index: false, follow: false } };

/** Officials and admins: every meeting, to prepare, present, and add the minutes; staff: to present. */
export default async function StaffMeetingsPage({ searchParams }: { searchParams: Promise<{ supprimee?: string; page?: string }> }) {
  const { supprimee, page: pageParam } = await searchParams;
  const page = pageParam === undefined ? 1 : parsePageNumber(pageParam);
  if (Number.isNaN(page)) notFound();
  const actor = await requireMeetingStaff("/espace/reunions");
  const manages = can(actor, "meeting.manage");
  const result = await listMeetingsForStaff(await getDb(), actor, page);
  if (!result.ok || page > result.data.pageCount) notFound();
  return (
    <Container>
      <Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: "Réunions publiques" }]} />
      <PageHeading
        title="Réunions publiques"
        lead={
          manages ? (
            <p>Préparez l&apos;ordre du jour, présentez les diapositives tirées des données du site, puis publiez le compte rendu.</p>
          ) : (
            <p>
              Présentez les diapositives d&apos;une réunion, tirées des données du site. Les élus et les administrateurs préparent les
              réunions.
            </p>
          )
        }
      />
      {supprimee === "1" ? (
        <div className="mb-6">
          <FormMessage kind="success">La réunion est supprimée : elle n&apos;est plus annoncée sur le site.</FormMessage>
        </div>
      ) : null}
      {manages ? (
        <p className="mb-8">
          <a href="/espace/reunions/nouvelle" className={buttonClass}>
            Nouvelle réunion
          </a>
        </p>
      ) : null}
      {result.data.items.length > 0 ? (
        <MeetingList
          meetings={result.data.items}
          hrefOf={(m) => (manages ? `/espace/reunions/${m.slug}` : `/presentation/${m.slug}`)}
          extra={(m) => (
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
              <TextLink href={`/presentation/${m.slug}`} className="inline-flex min-h-11 items-center">
                Présenter<span className="sr-only"> « {m.title} »</span>
              </TextLink>
              <TextLink href={`/reunions/${m.slug}`} className="inline-flex min-h-11 items-center">
                Page publique<span className="sr-only"> de « {m.title} »</span>
              </TextLink>
            </p>
          )}
        />
      ) : (
        <p>Aucune réunion pour l&apos;instant.</p>
      )}
      <Pagination
        page={page}
        pageCount={result.data.pageCount}
        hrefOf={(n) => (n === 1 ? "/espace/reunions" : `/espace/reunions?page=${n}`)}
        label="Pages des réunions"
      />
    </Container>
  );
}
