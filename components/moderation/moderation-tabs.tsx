import { TabNav, type TabLink } from "@/components/ui/tab-nav";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";

export type ModerationTab = "file" | "signalements" | "publiees" | "motifs" | "papier";

/** The moderation pages' own menu, with the waiting and reported counts. */
export function ModerationTabs({ current, counts }: { current: ModerationTab; counts: { pending: number; reported: number } }) {
  const links: TabLink<ModerationTab>[] = [
    {
      key: "file",
      href: "/moderation",
      label: `En attente (${counts.pending})`,
      srLabel: `En attente : ${pluralize(counts.pending, "contribution", "contributions")}`,
    },
    {
      key: "signalements",
      href: "/moderation/signalements",
      label: `Signalements (${counts.reported})`,
      srLabel: `Signalements : ${pluralize(counts.reported, "contribution signalée", "contributions signalées")}`,
    },
    { key: "publiees", href: "/moderation/publiees", label: "Publiées" },
    { key: "motifs", href: "/moderation/motifs", label: "Motifs de refus" },
    { key: "papier", href: "/moderation/papier", label: "Saisir une contribution reçue hors du site" },
  ];
  return (
    <>
      <TabNav label="Rubriques de la modération" links={links} current={current} />
      <p className="-mt-2 mb-6 text-slate-800">
        Ce que le public voit de votre travail : <TextLink href="/moderation/registre">le registre de la modération</TextLink> (des nombres
        par mois, sans nom ni texte) et les règles.
      </p>
    </>
  );
}
