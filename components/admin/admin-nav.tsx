import { TabNav, type TabLink } from "@/components/ui/tab-nav";

export type AdminSection = "accueil" | "utilisateurs" | "conseils" | "plan" | "journal" | "parametres";

const links: TabLink<AdminSection>[] = [
  { key: "accueil", href: "/admin", label: "Administration" },
  { key: "utilisateurs", href: "/admin/utilisateurs", label: "Utilisateurs" },
  { key: "conseils", href: "/admin/conseils", label: "Conseils de quartier" },
  { key: "plan", href: "/admin/plan", label: "Le plan" },
  { key: "journal", href: "/admin/journal", label: "Journal" },
  { key: "parametres", href: "/admin/parametres", label: "Paramètres" },
];

/** The administration's own menu, at the top of every admin page. */
export function AdminNav({ current, exact = true }: { current: AdminSection; exact?: boolean }) {
  return <TabNav label="Menu de l'administration" links={links} current={current} exact={exact} />;
}
