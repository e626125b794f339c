import { SiteNav } from "@/components/site/site-nav";

/** /espace: « Espace des conseils » is the current menu item. */
export default function NavEspace() {
  return <SiteNav current="espace" />;
}
