import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge } from "@/components/admin/badges";
import { MoveForm } from "@/components/admin/plan/move-form";
import { CreateThemeForm } from "@/components/admin/plan/theme-form";
import { FormMessage } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";
import { getDb } from "@/server/db";
import { listPlanForAdmin } from "@/server/plan-admin/queries";
import { requireAdminPage } from "../require-admin";
import { createThemeAction, moveActionAction, moveThemeAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Le plan — Administration", robots: { index: false, follow: false } };

/** The plan's themes and their fiches, in order (archived themes last): edit, reorder, add. */
export default async function AdminPlanPage({ searchParams }: { searchParams: Promise<{ importe?: string | string[] }> }) {
  const actor = await requireAdminPage("/admin/plan");
  const imported = (await searchParams).importe === "1";
  const result = await listPlanForAdmin(await getDb(), actor);
  if (!result.ok) throw new Error(result.message);
  const themes = result.data;
  const fiches = new Set(themes.flatMap((t) => t.actions.map((a) => a.id))).size;
  const shown = themes.filter((t) => t.archivedAt === null).length;

  return (
    <Container wide>
      <AdminNav current="plan" exact={false} />
      <PageHeading
        title="Le plan : thématiques et fiches actions"
        lead={
          <p>
            {pluralize(themes.length, "thématique", "thématiques")}, {pluralize(fiches, "fiche action", "fiches actions")}. Les changements
            s&apos;affichent aussitôt sur le site public ; le statut et l&apos;avancement changent seulement par les points d&apos;étape.{" "}
            <TextLink href="/admin/plan/fiches/nouvelle">Ajouter une fiche action</TextLink> ·{" "}
            <TextLink href="#thematique">Ajouter une thématique</TextLink>
          </p>
        }
      />
      {imported ? <FormMessage kind="success">Le plan est importé : il paraît déjà sur le site public.</FormMessage> : null}
      {themes.length === 0 ? (
        <Notice tone="todo" title="Cette installation n'a pas encore de plan" className="mb-6">
          <p>
            Une nouvelle installation commence par <TextLink href="/admin/plan/importer">importer le plan de la Ville</TextLink>, d&apos;un
            fichier exporté par une autre installation ou écrit au même format.
          </p>
        </Notice>
      ) : null}

      {themes.map((theme, themeIndex) => (
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
            <TextLink href={`/thematiques/${theme.slug}`}>Voir sa page publique</TextLink> ·{" "}
            <TextLink href={`/admin/plan/fiches/nouvelle?thematique=${theme.id}`}>Ajouter une fiche à cette thématique</TextLink>
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
                    action={moveActionAction}
                  />
                </li>
              ))}
            </ol>
          )}
        </Section>
      ))}

      <Section id="thematique" title="Ajouter une thématique">
        <div className="max-w-2xl">
          <CreateThemeForm action={createThemeAction} />
        </div>
      </Section>

      <Section id="fichier" title="Le plan en un fichier">
        <p className="max-w-3xl">
          Tout le plan — démarche, thématiques, fiches, points d&apos;étape, conseils de quartier — en un fichier JSON, sans aucune donnée
          personnelle : pour le garder, ou pour qu&apos;une autre installation l&apos;importe.
        </p>
        <p className="mt-3">
          <TextLink href="/admin/plan/exporter">Exporter le plan (fichier JSON)</TextLink> ·{" "}
          <TextLink href="/admin/plan/importer">Importer un plan dans une installation vide</TextLink>
        </p>
      </Section>
    </Container>
  );
}
