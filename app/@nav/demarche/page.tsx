import { SiteNav } from "@/components/site/site-nav";

export default function NavDemarche() {
  return <SiteNav current="demarche" />;
}
