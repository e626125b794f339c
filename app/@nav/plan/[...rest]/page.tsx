import { SiteNav } from "@/components/site/site-nav";

/** /plan/filtre: the plan's list, filtered, is still « Le plan ». */
export default function NavPlanRest() {
  return <SiteNav current="plan" />;
}
