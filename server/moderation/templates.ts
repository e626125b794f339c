import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { moderationReasonTemplates } from "@/db/schema";
import { fail, forbidden, invalidInput, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ReasonTemplateData, ReasonTemplateUpdateData, TemplateArchiveData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";

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
  const rows = await db
    .select(columns)
    .from(moderationReasonTemplates)
    .where(isNull(moderationReasonTemplates.archivedAt))
    .orderBy(asc(moderationReasonTemplates.label));
  return ok(rows);
}

/** Every template, archived ones last, for the page that manages them. */
export async function listAllTemplates(db: Db, actor: MaybeActor): Promise<ActionResult<ReasonTemplate[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  const rows = await db
    .select(columns)
    .from(moderationReasonTemplates)
    .orderBy(
      sql`${moderationReasonTemplates.archivedAt} is not null`,
      asc(moderationReasonTemplates.label),
      asc(moderationReasonTemplates.id),
    );
  return ok(rows);
}

/** A moderator's reason, and the template it started from (null: typed without one). */
export interface ComposedReason {
  text: string;
  templateId: number | null;
}

/**
 * The reason a moderator gives: the chosen template's text, then their own words. With JavaScript
 * the form has already copied the template into the text: it is not added twice. The whole is
 * checked against the reason's rule (the schema could only check the typed part): a template plus
 * the typed text may be too long, and a template archived meanwhile leaves only the typed text (and
 * no template: the public register counts a decision under the template it really used).
 */
export async function composeReason(
  db: Db,
  input: { templateId: number | null; reason: string | null },
  rule: z.ZodType<string, unknown>,
): Promise<ActionResult<ComposedReason>> {
  const typed = input.reason?.trim() ?? "";
  let composed = typed;
  let templateId: number | null = null;
  if (input.templateId !== null) {
    const [template] = await db
      .select({ body: moderationReasonTemplates.body })
      .from(moderationReasonTemplates)
      .where(and(eq(moderationReasonTemplates.id, input.templateId), isNull(moderationReasonTemplates.archivedAt)));
    const body = template?.body.trim();
    if (body) templateId = input.templateId;
    if (body && !typed.includes(body)) composed = typed ? `${body}\n\n${typed}` : body;
  }
  const checked = rule.safeParse(composed);
  if (!checked.success) return invalidInput({ issues: checked.error.issues.map((issue) => ({ ...issue, path: ["reason"] })) });
  return ok({ text: checked.data, templateId });
}

export async function createTemplate(db: Db, actor: MaybeActor, input: ReasonTemplateData): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(moderationReasonTemplates)
      .values({ label: input.label, body: input.body })
      .returning({ id: moderationReasonTemplates.id });
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "moderation.template.create",
      targetType: "moderation_reason_template",
      targetId: row!.id,
      details: { label: input.label },
    });
    return ok({ id: row!.id }, `Motif « ${input.label} » créé.`);
  });
}

export async function updateTemplate(db: Db, actor: MaybeActor, input: ReasonTemplateUpdateData): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  const { id, label, body } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(moderationReasonTemplates)
      .set({ label, body, updatedAt: sql`now()` })
      .where(eq(moderationReasonTemplates.id, id))
      .returning({ id: moderationReasonTemplates.id });
    if (!row) return notFound("Motif");
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "moderation.template.update",
      targetType: "moderation_reason_template",
      targetId: id,
      details: { label },
    });
    return ok({ id }, `Motif « ${label} » enregistré.`);
  });
}

/** Archives (or brings back) a template: archived ones are no longer offered, past decisions keep their text. */
export async function setTemplateArchived(db: Db, actor: MaybeActor, input: TemplateArchiveData): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.templates.manage")) return forbidden();
  const { id } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(moderationReasonTemplates)
      .set({ archivedAt: input.archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(
        and(
          eq(moderationReasonTemplates.id, id),
          input.archived ? isNull(moderationReasonTemplates.archivedAt) : sql`${moderationReasonTemplates.archivedAt} is not null`,
        ),
      )
      .returning({ id: moderationReasonTemplates.id, label: moderationReasonTemplates.label });
    if (!row) {
      const [exists] = await tx
        .select({ id: moderationReasonTemplates.id })
        .from(moderationReasonTemplates)
        .where(eq(moderationReasonTemplates.id, id));
      return exists ? fail("CONFLICT", input.archived ? "Ce motif est déjà archivé." : "Ce motif est déjà actif.") : notFound("Motif");
    }
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: input.archived ? "moderation.template.archive" : "moderation.template.restore",
      targetType: "moderation_reason_template",
      targetId: id,
      details: { label: row.label },
    });
    return ok(
      { id },
      input.archived ? `Motif « ${row.label} » archivé : il n'est plus proposé.` : `Motif « ${row.label} » de nouveau proposé.`,
    );
  });
}
