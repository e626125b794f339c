import { SiteNav } from "@/components/site/site-nav";

export default function NavPlan() {
  return <SiteNav current="plan" />;
}
