import type { Metadata } from "next";
import { FormMessage } from "@/components/form/field";
import { Pager } from "@/components/notifications/pager";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { listMyNotifications } from "@/server/notifications/inbox";
import { MarkAllReadForm } from "./mark-all-read-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mes notifications", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pageHref = (page: number) => (page > 1 ? `/espace/notifications?page=${page}` : "/espace/notifications");

/** My notifications, newest first, 20 a page; unread ones stand out (and say so in words). */
export default async function NotificationsPage({ searchParams }: Props) {
  const query = await searchParams;
  const page = first(query.page);
  const actor = await requireActor(`/espace/notifications${page ? `?page=${encodeURIComponent(page)}` : ""}`);
  const result = await listMyNotifications(await getDb(), actor, { page });
  if (!result.ok) throw new Error(result.message);
  const list = result.data;

  return (
    <Container>
      <Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: "Mes notifications" }]} />
      <PageHeading
        title="Mes notifications"
        lead={
          <p>
            Ce qui est arrivé aux contributions de vos conseils, et ce qui vous attend. Vous recevez aussi au plus un courriel par jour :{" "}
            <TextLink href="/espace/notifications/preferences">choisir les courriels que je reçois</TextLink>.
          </p>
        }
      />
      <div className="flex flex-col gap-4">
        {first(query.lu) === "tout" ? <FormMessage kind="success">Toutes vos notifications sont marquées comme lues.</FormMessage> : null}
        <p role="status">
          {list.total === 0
            ? "Vous n'avez aucune notification pour l'instant."
            : `${pluralize(list.total, "notification", "notifications")}, dont ${pluralize(list.unread, "non lue", "non lues")}${list.pageCount > 1 ? ` — page ${list.page} sur ${list.pageCount}` : ""}.`}
        </p>
        {list.unread > 0 ? <MarkAllReadForm /> : null}
      </div>

      {list.rows.length > 0 ? (
        <ol className="mt-8 flex flex-col gap-3" aria-label="Notifications, de la plus récente à la plus ancienne">
          {list.rows.map((n) => (
            <li
              key={n.id}
              className={`rounded-lg p-4 ${n.read ? "border border-slate-300 bg-white" : "border-2 border-l-8 border-blue-900 bg-blue-50"}`}
            >
              <p className="text-base">
                <span className={n.read ? "text-slate-700" : "font-bold text-blue-950"}>{n.read ? "Lue" : "Non lue"}</span>
                <span aria-hidden="true"> · </span>
                <time dateTime={isoDateTime(n.createdAt)} className="text-slate-700">
                  {formatDateTime(n.createdAt)}
                </time>
              </p>
              <p className={`mt-1 break-words ${n.read ? "" : "font-semibold"}`}>
                <TextLink href={`/espace/notifications/${n.id}`} className="inline-flex min-h-11 items-center">
                  {n.read ? null : <span className="sr-only">Non lue : </span>}
                  {n.message}
                </TextLink>
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      <Pager page={list.page} pageCount={list.pageCount} href={pageHref} label="Pages de notifications" />
    </Container>
  );
}
