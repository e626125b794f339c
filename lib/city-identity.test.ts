import { describe, expect, it } from "vitest";
import { defaultCityIdentity, isDefaultIdentity, onBehalfOf, siteDescriptionOf, siteNameOf } from "./city-identity";

describe("the City's identity in texts", () => {
  it("names the site after the service and the City", () => {
    const demo = { cityName: "Ville de Démoville", serviceName: "Projet social communal" };
    expect(siteNameOf(demo)).toBe("Projet social communal — Ville de Démoville");
    expect(siteDescriptionOf(demo)).toMatch(/^Projet social communal — Ville de Démoville : ses thématiques/);
  });

  it("signs for the City with the right article", () => {
    expect(onBehalfOf("Ville de Démoville")).toBe("pour la Ville de Démoville");
    expect(onBehalfOf("La Ville")).toBe("pour la Ville");
    expect(onBehalfOf("Le Grand Démoville")).toBe("pour le Grand Démoville");
    expect(onBehalfOf("L'Agglomération")).toBe("pour l'Agglomération");
    expect(onBehalfOf("Démoville")).toBe("pour Démoville");
  });

  it("knows an install that has not named its City yet", () => {
    expect(isDefaultIdentity(defaultCityIdentity)).toBe(true);
    expect(isDefaultIdentity({ cityName: "Ville de Démoville" })).toBe(false);
  });
});
