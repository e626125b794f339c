import "server-only";
import { and, eq, inArray, like, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, meetingAgendaItems, meetings, themes } from "@/db/schema";
import { fail, type ActionResult } from "@/lib/action-result";
import type { MeetingData } from "@/lib/validation/meeting";
import { likeEscape } from "../users/shared";
import { firstFreeSlug, slugify } from "../councils-admin/slug";

export { currentPlanId } from "../councils-admin/shared";

export type AgendaRow = Omit<typeof meetingAgendaItems.$inferInsert, "id" | "meetingId">;

/**
 * The agenda as rows, in order: each theme or fiche is looked up in the plan by slug, and an item
 * without its own label takes the theme's or fiche's title. An unknown reference is an error next
 * to that item's field, never silently dropped.
 */
export async function resolveAgenda(tx: Db, plan: number, agenda: MeetingData["agenda"]): Promise<ActionResult<AgendaRow[]>> {
  const slugsOf = (kind: "theme" | "action") => agenda.filter((i) => i.ref.startsWith(`${kind}:`)).map((i) => i.ref.slice(kind.length + 1));
  const [themeSlugs, actionSlugs] = [slugsOf("theme"), slugsOf("action")];
  const themeRows = themeSlugs.length
    ? await tx
        .select({ id: themes.id, slug: themes.slug, number: themes.number, title: themes.title })
        .from(themes)
        .where(and(eq(themes.planId, plan), inArray(themes.slug, themeSlugs)))
    : [];
  const actionRows = actionSlugs.length
    ? await tx
        .select({ id: actions.id, slug: actions.slug, title: actions.title })
        .from(actions)
        .where(and(eq(actions.planId, plan), inArray(actions.slug, actionSlugs)))
    : [];
  const themeBySlug = new Map(themeRows.map((t) => [t.slug, t]));
  const actionBySlug = new Map(actionRows.map((a) => [a.slug, a]));
  const errors: Record<string, string[]> = {};
  const rows: AgendaRow[] = agenda.map((item, index) => {
    const position = index + 1;
    const notes = item.notes;
    if (item.ref.startsWith("theme:")) {
      const theme = themeBySlug.get(item.ref.slice(6));
      if (!theme) errors[`agenda.${index}.ref`] = ["Cette thématique n'existe pas ou plus : choisissez-en une autre."];
      return {
        position,
        label: item.label || (theme ? `Thématique ${theme.number} : ${theme.title}` : ""),
        themeId: theme?.id ?? null,
        actionId: null,
        notes,
      };
    }
    if (item.ref.startsWith("action:")) {
      const action = actionBySlug.get(item.ref.slice(7));
      if (!action) errors[`agenda.${index}.ref`] = ["Cette fiche action n'existe pas ou plus : choisissez-en une autre."];
      return { position, label: item.label || (action?.title ?? ""), themeId: null, actionId: action?.id ?? null, notes };
    }
    // The schema asks a free item for its label.
    return { position, label: item.label ?? "", themeId: null, actionId: null, notes };
  });
  if (Object.keys(errors).length > 0) return fail("VALIDATION_FAILED", "Certains points de l'ordre du jour sont à corriger.", errors);
  return { ok: true, data: rows };
}

/**
 * A free slug for a new meeting: from its title and day (« reunion-publique-2026-12-17 »), so it
 * never collides with the page /espace/reunions/nouvelle.
 */
export async function freeMeetingSlug(tx: Db, title: string, day: string): Promise<string> {
  const hasLetters = /[a-z0-9]/i.test(title.normalize("NFD").replace(/\p{Diacritic}/gu, ""));
  const head = hasLetters ? slugify(title).slice(0, 48).replace(/-+$/g, "") : "reunion";
  const base = `${head}-${day}`;
  const rows = await tx
    .select({ slug: meetings.slug })
    .from(meetings)
    .where(or(eq(meetings.slug, base), like(meetings.slug, `${likeEscape(base)}-%`)));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/** What the journal keeps of an agenda: labels and targets, notes only as « has notes ». */
export function agendaForAudit(rows: readonly AgendaRow[]) {
  return rows.map((r) => ({
    position: r.position,
    label: r.label,
    themeId: r.themeId ?? null,
    actionId: r.actionId ?? null,
    notes: r.notes ? true : false,
  }));
}
