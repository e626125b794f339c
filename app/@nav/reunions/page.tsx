import { SiteNav } from "@/components/site/site-nav";

export default function NavReunions() {
  return <SiteNav current="reunions" />;
}
