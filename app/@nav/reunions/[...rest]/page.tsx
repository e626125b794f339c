import { SiteNav } from "@/components/site/site-nav";

/** A meeting's page and its public slides: « Réunions » is the current menu item. */
export default function NavReunionsSubpage() {
  return <SiteNav current="reunions" />;
}
