import { SiteNav } from "@/components/site/site-nav";

export default function NavConseils() {
  return <SiteNav current="conseils" />;
}
