import { Badge } from "@/components/admin/badges";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import type { AdminThemeWithActions } from "@/server/plan-admin/queries";
import type { FormAction } from "@/server/form-action";
import { MoveForm } from "./move-form";

/**
 * A plan's themes and their fiches, in order, for staff: edit, reorder, add. The current plan's
 * (/admin/plan) and the draft's (/admin/plan/prochain): the same forms, each change applies to the
 * plan of the theme or fiche it names (decision 0027). `draft`: its themes have no public page yet,
 * and a new fiche's form lists the draft's themes.
 */
export function PlanThemesAdmin<T, U>({
  themes,
  draft = false,
  moveAction,
  moveThemeAction,
}: {
  themes: AdminThemeWithActions[];
  draft?: boolean;
  moveAction: FormAction<T>;
  moveThemeAction: FormAction<U>;
}) {
  const newFiche = (themeId: number) => `/admin/plan/fiches/nouvelle?thematique=${themeId}${draft ? "&plan=prochain" : ""}`;
  // Archived themes come last (server/plan-admin/order-themes.ts): only the themes shown move.
  const shown = themes.filter((t) => t.archivedAt === null).length;
  return themes.map((theme, themeIndex) => (
    <Section key={theme.id} id={`thematique-${theme.number}`} title={`${theme.number}. ${theme.title}`}>
      {theme.archivedAt ? (
        <p className="mb-2">
          <Badge tone="warning">Thématique archivée</Badge> Elle n&apos;apparaît plus dans les listes du site public.
        </p>
      ) : (
        <div className="mb-2">
          <MoveForm
            ids={{ themeId: theme.id }}
            title={`Thématique ${theme.number} : ${theme.title}`}
            first={themeIndex === 0}
            last={themeIndex === shown - 1}
            action={moveThemeAction}
          />
        </div>
      )}
      <p className="mb-4">
        <TextLink href={`/admin/plan/thematiques/${theme.id}`}>Modifier la thématique « {theme.title} »</TextLink> ·{" "}
        {draft ? null : (
          <>
            <TextLink href={`/thematiques/${theme.slug}`}>Voir sa page publique</TextLink> ·{" "}
          </>
        )}
        <TextLink href={newFiche(theme.id)}>Ajouter une fiche à cette thématique</TextLink>
      </p>
      {theme.actions.length === 0 ? (
        <p>Aucune fiche dans cette thématique.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {theme.actions.map((action, index) => (
            <li
              key={action.id}
              className={`flex flex-col gap-2 rounded-lg border-2 p-4 md:flex-row md:items-center md:justify-between ${action.archivedAt ? "border-dashed border-slate-500 bg-slate-50" : "border-slate-300"}`}
            >
              <div className="flex flex-col gap-1">
                <span className="text-lg font-bold">
                  <TextLink href={`/admin/plan/fiches/${action.id}`}>{action.title}</TextLink>
                </span>
                {action.archivedAt ? (
                  <span>
                    <Badge tone="warning">Archivée</Badge>
                  </span>
                ) : null}
              </div>
              <MoveForm
                ids={{ actionId: action.id, themeId: theme.id }}
                title={action.title}
                first={index === 0}
                last={index === theme.actions.length - 1}
                action={moveAction}
              />
            </li>
          ))}
        </ol>
      )}
    </Section>
  ));
}
