import { SiteNav } from "@/components/site/site-nav";

export default function NavHome() {
  return <SiteNav current="accueil" />;
}
