import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXED_PUBLIC_PAGES, isCrawlable, PRIVATE_SECTIONS, PUBLIC_SECTIONS } from "./crawl";

const appDir = path.join(import.meta.dirname, "..", "app");

/** The address sections of app/: its folders (route groups and parallel slots are not addresses) and metadata files. */
function topLevelSections(): string[] {
  const entries = readdirSync(appDir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("@") && !e.name.startsWith("(") && !e.name.startsWith("_"))
    .map((e) => `/${e.name}`);
  const metadataFiles: Record<string, string> = { "robots.ts": "/robots.txt", "sitemap.ts": "/sitemap.xml" };
  const files = entries.filter((e) => e.isFile() && e.name in metadataFiles).map((e) => metadataFiles[e.name]!);
  return [...folders, ...files];
}

describe("robots.txt and sitemap.xml rules", () => {
  it("every section of the site is either public or private, never both, never neither", () => {
    const sections = topLevelSections();
    expect(sections.length).toBeGreaterThan(20);
    for (const section of sections) {
      const isPublic = (PUBLIC_SECTIONS as readonly string[]).includes(section);
      const isPrivate = (PRIVATE_SECTIONS as readonly string[]).includes(section);
      expect(isPublic !== isPrivate, `${section} : à classer dans lib/crawl.ts, public ou privé`).toBe(true);
    }
    // Nothing listed that does not exist (a stale rule hides nothing, but says something false).
    for (const listed of [...PUBLIC_SECTIONS, ...PRIVATE_SECTIONS].filter((s) => s !== "/")) expect(sections, listed).toContain(listed);
  });

  it("signed-in spaces and staff pages are not crawlable; public pages, feeds and the public moderation register are", () => {
    for (const closed of [
      "/espace",
      "/espace/conseils/conseil-1",
      "/moderation",
      "/moderation/signalements",
      "/admin/utilisateurs",
      "/reponses",
      "/tableau-de-bord",
      "/presentation/restitution",
      "/api/auth/session",
      "/connexion",
      "/mot-de-passe-oublie",
      "/invitation/jeton",
      "/signaler/12",
      "/recherche?q=parentalite",
      "/plan/filtre?statut=en-cours",
    ])
      expect(isCrawlable(closed), closed).toBe(false);
    for (const open of [
      ...FIXED_PUBLIC_PAGES,
      "/fiches/maison-des-associations",
      "/fiches/maison-des-associations/flux.atom",
      "/thematiques/gouvernance",
      "/conseils/conseil-1/contributions/2",
      "/reunions/restitution/diaporama",
      "/reunions.ics",
      "/moderation/registre",
      "/moderation/registre?page=2",
    ])
      expect(isCrawlable(open), open).toBe(true);
  });
});
