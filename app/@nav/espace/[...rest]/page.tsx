import { SiteNav } from "@/components/site/site-nav";

/** Every page below /espace (a council's space…): « Espace des conseils » is the current menu item. */
export default function NavEspaceSubpage() {
  return <SiteNav current="espace" />;
}
