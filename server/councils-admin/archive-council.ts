import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CouncilArchiveData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";

type Outcome = ActionResult<{ id: number; slug: string }>;

async function setArchived(db: Db, actor: MaybeActor, { councilId, reason }: CouncilArchiveData, archive: boolean): Promise<Outcome> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.archive")) return forbidden();
  if (!can(actor, "council.archive", { councilId })) return forbidden();

  return db.transaction(async (tx): Promise<Outcome> => {
    const [council] = await tx
      .select({ id: councils.id, slug: councils.slug, name: councils.name, archivedAt: councils.archivedAt })
      .from(councils)
      .where(eq(councils.id, councilId))
      .for("update");
    if (!council) return notFound("Conseil");
    if (archive && council.archivedAt) return fail("CONFLICT", "Ce conseil est déjà archivé.");
    if (!archive && !council.archivedAt) return fail("CONFLICT", "Ce conseil n'est pas archivé.");

    await tx
      .update(councils)
      .set({ archivedAt: archive ? sql`now()` : null })
      .where(eq(councils.id, council.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: archive ? "council.archive" : "council.unarchive",
      targetType: "council",
      targetId: council.id,
      councilId: council.id,
      reason,
    });
    return ok(
      { id: council.id, slug: council.slug },
      archive
        ? `Le conseil « ${council.name} » est archivé : il n'apparaît plus sur le site public.`
        : `Le conseil « ${council.name} » est de nouveau visible sur le site public.`,
    );
  });
}

/**
 * Archives a council, with a reason in the journal: it leaves the public pages and its space,
 * and its pending invitations stop working; nothing is deleted. Administrators only. The caller
 * refreshes the public pages afterwards.
 */
export function archiveCouncil(db: Db, actor: MaybeActor, data: CouncilArchiveData): Promise<Outcome> {
  return setArchived(db, actor, data, true);
}

/** Brings an archived council back, with a reason in the journal. Administrators only. */
export function unarchiveCouncil(db: Db, actor: MaybeActor, data: CouncilArchiveData): Promise<Outcome> {
  return setArchived(db, actor, data, false);
}
