import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { openNotification } from "@/server/notifications/inbox";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/**
 * Opens one of my notifications (from the list or from a mail): marks it read, then goes to what
 * it is about — always a path on this site. Someone else's notification is « not found ».
 */
export default async function OpenNotificationPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/espace/notifications/${encodeURIComponent(id)}`);
  const result = await openNotification(await getDb(), actor, id);
  if (!result.ok) notFound();
  redirect(result.data.link);
}
