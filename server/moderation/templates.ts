import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { moderationReasonTemplates } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { reasonTemplateSchema, type ReasonTemplateInput } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { validationFailed } from "@/server/contributions/shared";

export interface ReasonTemplate {
  id: number;
  label: string;
  body: string;
  archivedAt: Date | null;
}

const columns = {
  id: moderationReasonTemplates.id,
  label: moderationReasonTemplates.label,
  body: moderationReasonTemplates.body,
  archivedAt: moderationReasonTemplates.archivedAt,
};

/** The active templates, for the reject and hide forms (every moderator). */
export async function listActiveTemplates(db: Db, actor: MaybeActor): Promise<ActionResult<ReasonTemplate[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const rows = await db.select(columns).from(moderationReasonTemplates).where(isNull(moderationReasonTemplates.archivedAt)).orderBy(asc(moderationReasonTemplates.label));
  return ok(rows);
}

/** Every template, archived ones last, for the page that manages them. */
export async function listAllTemplates(db: Db, actor: MaybeActor): Promise<ActionResult<ReasonTemplate[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  const rows = await db
    .select(columns)
    .from(moderationReasonTemplates)
    .orderBy(sql`${moderationReasonTemplates.archivedAt} is not null`, asc(moderationReasonTemplates.label), asc(moderationReasonTemplates.id));
  return ok(rows);
}

/**
 * The reason a moderator gives: the chosen template's text, then their own words. With JavaScript
 * the form has already copied the template into the text: it is not added twice.
 */
export async function composeReason(db: Db, templateId: unknown, freeText: unknown): Promise<string> {
  const typed = typeof freeText === "string" ? freeText.trim() : "";
  const id = Number(templateId);
  if (!Number.isInteger(id) || id <= 0) return typed;
  const [template] = await db
    .select({ body: moderationReasonTemplates.body })
    .from(moderationReasonTemplates)
    .where(and(eq(moderationReasonTemplates.id, id), isNull(moderationReasonTemplates.archivedAt)));
  if (!template) return typed;
  const body = template.body.trim();
  if (typed.includes(body)) return typed;
  return typed ? `${body}\n\n${typed}` : body;
}

export async function createTemplate(db: Db, actor: MaybeActor, input: ReasonTemplateInput): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  const parsed = reasonTemplateSchema.safeParse(input);
  if (!parsed.success) return validationFailed(parsed.error);
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(moderationReasonTemplates).values(parsed.data).returning({ id: moderationReasonTemplates.id });
    await writeAudit(tx, { actorUserId: actor.id, action: "moderation.template.create", targetType: "moderation_reason_template", targetId: row!.id, details: { label: parsed.data.label } });
    return ok({ id: row!.id }, `Motif « ${parsed.data.label} » créé.`);
  });
}

export async function updateTemplate(db: Db, actor: MaybeActor, input: ReasonTemplateInput & { id: number }): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  const parsed = reasonTemplateSchema.safeParse(input);
  if (!parsed.success) return validationFailed(parsed.error);
  const id = Number(input.id);
  if (!Number.isInteger(id) || id <= 0) return notFound("Motif");
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(moderationReasonTemplates)
      .set({ ...parsed.data, updatedAt: sql`now()` })
      .where(eq(moderationReasonTemplates.id, id))
      .returning({ id: moderationReasonTemplates.id });
    if (!row) return notFound("Motif");
    await writeAudit(tx, { actorUserId: actor.id, action: "moderation.template.update", targetType: "moderation_reason_template", targetId: id, details: { label: parsed.data.label } });
    return ok({ id }, `Motif « ${parsed.data.label} » enregistré.`);
  });
}

/** Archives (or brings back) a template: archived ones are no longer offered, past decisions keep their text. */
export async function setTemplateArchived(db: Db, actor: MaybeActor, input: { id: number; archived: boolean }): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  const id = Number(input.id);
  if (!Number.isInteger(id) || id <= 0) return notFound("Motif");
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(moderationReasonTemplates)
      .set({ archivedAt: input.archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(and(eq(moderationReasonTemplates.id, id), input.archived ? isNull(moderationReasonTemplates.archivedAt) : sql`${moderationReasonTemplates.archivedAt} is not null`))
      .returning({ id: moderationReasonTemplates.id, label: moderationReasonTemplates.label });
    if (!row) {
      const [exists] = await tx.select({ id: moderationReasonTemplates.id }).from(moderationReasonTemplates).where(eq(moderationReasonTemplates.id, id));
      return exists ? fail("CONFLICT", input.archived ? "Ce motif est déjà archivé." : "Ce motif est déjà actif.") : notFound("Motif");
    }
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: input.archived ? "moderation.template.archive" : "moderation.template.restore",
      targetType: "moderation_reason_template",
      targetId: id,
      details: { label: row.label },
    });
    return ok({ id }, input.archived ? `Motif « ${row.label} » archivé : il n'est plus proposé.` : `Motif « ${row.label} » de nouveau proposé.`);
  });
}
