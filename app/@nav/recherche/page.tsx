import { SiteNav } from "@/components/site/site-nav";

/** /recherche: no current menu item, and no header search (the page's own form holds the words). */
export default function NavRecherche() {
  return <SiteNav search={false} />;
}
