import { describe, expect, it } from "vitest";
import { pageMetadata } from "./page-metadata";

const SITE_NAME = "Projet social communal — Ville de Démoville";

describe("pageMetadata", () => {
  it("gives the page's title and description, every Open Graph tag, and its feeds and calendars as alternates", () => {
    const metadata = pageMetadata(
      {
        title: "Développer le rôle de la Maison des Associations",
        description: "Fiche action.",
        path: "/fiches/maison-des-associations",
        feeds: [{ path: "/fiches/maison-des-associations/flux.atom", title: "Les nouveautés de cette fiche action" }],
        calendars: [{ path: "/echeances.ics", title: "Les échéances" }],
      },
      SITE_NAME,
    );
    expect(metadata).toEqual({
      title: "Développer le rôle de la Maison des Associations",
      description: "Fiche action.",
      openGraph: {
        type: "website",
        locale: "fr_FR",
        siteName: SITE_NAME,
        title: "Développer le rôle de la Maison des Associations",
        description: "Fiche action.",
        url: "/fiches/maison-des-associations",
      },
      alternates: {
        types: {
          "application/atom+xml": [{ url: "/fiches/maison-des-associations/flux.atom", title: "Les nouveautés de cette fiche action" }],
          "text/calendar": [{ url: "/echeances.ics", title: "Les échéances" }],
        },
      },
    });
  });

  it("the home page's title is the site's name alone; a page without feeds has no alternates", () => {
    const metadata = pageMetadata({ title: SITE_NAME, absoluteTitle: true, description: "d", path: "/" }, SITE_NAME);
    expect(metadata.title).toEqual({ absolute: SITE_NAME });
    expect(metadata).not.toHaveProperty("alternates");
  });

  it("makes a description with the site's name from the settings", () => {
    const metadata = pageMetadata({ title: "T", description: (site) => `Les pages de ${site}.`, path: "/t" }, SITE_NAME);
    expect(metadata.description).toBe(`Les pages de ${SITE_NAME}.`);
    expect(metadata.openGraph).toMatchObject({ siteName: SITE_NAME, description: `Les pages de ${SITE_NAME}.` });
  });
});
