import { SiteNav } from "@/components/site/site-nav";

/** Every page outside the three menu sections: the menu with no current item. */
export default function NavDefault() {
  return <SiteNav />;
}
