import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { UpdateCouncilData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";
import { numberTaken, uniqueViolation } from "./shared";

const fields = ["name", "number", "area", "description"] as const;

/**
 * Renames a council or changes its number, area or description, for administrators only; the
 * journal keeps the values before and after. The slug never changes, so links stay valid. The
 * caller refreshes the public pages afterwards.
 */
export async function updateCouncil(
  db: Db,
  actor: MaybeActor,
  data: UpdateCouncilData,
): Promise<ActionResult<{ id: number; slug: string; changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.update")) return forbidden();
  if (!can(actor, "council.update", { councilId: data.councilId })) return forbidden();

  try {
    return await db.transaction(async (tx): Promise<ActionResult<{ id: number; slug: string; changed: boolean }>> => {
      const [council] = await tx
        .select({
          id: councils.id,
          planId: councils.planId,
          slug: councils.slug,
          name: councils.name,
          number: councils.number,
          area: councils.area,
          description: councils.description,
        })
        .from(councils)
        .where(eq(councils.id, data.councilId))
        .for("update");
      if (!council) return notFound("Conseil");
      if (data.number !== null && data.number !== council.number) {
        const [other] = await tx
          .select({ name: councils.name })
          .from(councils)
          .where(and(eq(councils.planId, council.planId), eq(councils.number, data.number), ne(councils.id, council.id)));
        if (other) return numberTaken(data.number, other.name);
      }
      const changed = fields.filter((f) => council[f] !== data[f]);
      if (changed.length === 0) return ok({ id: council.id, slug: council.slug, changed: false }, "Rien n'a changé.");

      await tx
        .update(councils)
        .set({ name: data.name, number: data.number, area: data.area, description: data.description })
        .where(eq(councils.id, council.id));
      await writeAudit(tx, {
        actorUserId: actor.id,
        action: "council.update",
        targetType: "council",
        targetId: council.id,
        councilId: council.id,
        reason: data.reason,
        details: {
          before: Object.fromEntries(changed.map((f) => [f, council[f]])),
          after: Object.fromEntries(changed.map((f) => [f, data[f]])),
        },
      });
      return ok({ id: council.id, slug: council.slug, changed: true }, `Le conseil « ${data.name} » est modifié.`);
    });
  } catch (error) {
    if (uniqueViolation(error) !== null && data.number !== null) return numberTaken(data.number, "un autre conseil");
    throw error;
  }
}
