import { describe, expect, it } from "vitest";
import { allRedirectPayloads } from "@/tests/support/redirect-payloads";
import { isLocalPath, safeCallbackPath } from "./safe-redirect";

const base = "https://social.aurillac.fr";

/**
 * Checked here independently of the code under test: how a browser would read `path` as a link
 * on a page of some other site — it must stay on that site, i.e. be a path, not an address.
 */
function staysOnTheSite(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  for (const page of ["https://social.aurillac.fr/connexion?x=1", "http://127.0.0.1:3370/a/b/c", "https://other.example/"]) {
    if (new URL(path, page).origin !== new URL(page).origin) return false;
  }
  return true;
}

describe("callbackUrl only to this site", () => {
  it("keeps paths and absolute URLs of this site", () => {
    expect(safeCallbackPath("/espace/conseils/conseil-de-quartier-1", base)).toBe("/espace/conseils/conseil-de-quartier-1");
    expect(safeCallbackPath("https://social.aurillac.fr/admin?x=1#y", base)).toBe("/admin?x=1#y");
    expect(safeCallbackPath("https://social.aurillac.fr", base)).toBe("/");
    expect(safeCallbackPath("/invitation/abc_DEF-123", base)).toBe("/invitation/abc_DEF-123");
    expect(safeCallbackPath("/espace/contribuer?fiche=logements-plus-precaires", base)).toBe(
      "/espace/contribuer?fiche=logements-plus-precaires",
    );
    expect(safeCallbackPath("/fiches/caf%C3%A9", base)).toBe("/fiches/caf%C3%A9");
    // Normalised the way a browser would, and still a path of this site.
    expect(safeCallbackPath("/espace/../admin", base)).toBe("/admin");
    expect(safeCallbackPath("/fiches/café", base)).toBe("/fiches/caf%C3%A9");
    expect(safeCallbackPath("/espace#//evil.example", base)).toBe("/espace#//evil.example");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https://social.aurillac.fr.evil.example/",
    "http://social.aurillac.fr/",
    "evil.example",
    "",
    // Normalise to `//evil.example`: refused, not returned as such.
    "/.//evil.example/",
    "/..//evil.example/",
    "/%2e//evil.example/",
    "/.\\/evil.example",
    "/\t/evil.example",
    "/.\n//evil.example",
    "https://social.aurillac.fr//evil.example",
    "https://social.aurillac.fr/.//evil.example",
  ])("refuses %j", (candidate) => {
    expect(safeCallbackPath(candidate, base)).toBe("/espace");
  });

  const corpus = allRedirectPayloads(base);
  it(`has a corpus of at least 40 payloads (${corpus.length})`, () => {
    expect(new Set(corpus).size).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((payload) => [payload]))("%j leads to a path of this site, never another origin", (payload) => {
    const result = safeCallbackPath(payload, base);
    expect(staysOnTheSite(result), JSON.stringify(result)).toBe(true);
    expect(new URL(result, base).origin).toBe(base);
    // Whatever the payload, nothing of evil.example survives as a host.
    expect(new URL(result, base).hostname).toBe("social.aurillac.fr");
  });

  it.each([
    ["http://127.0.0.1:3370", "http://127.0.0.1:3370//evil.example/"],
    ["http://localhost:3000", "http://localhost:3000/%2e//evil.example"],
  ])("on %s, an absolute URL of the site that normalises to //… is refused", (origin, payload) => {
    expect(safeCallbackPath(payload, origin)).toBe("/espace");
  });
});

describe("isLocalPath", () => {
  const site = new URL(base);
  it.each(["/", "/espace", "/a?b=c#d", "/%2f%2fevil.example"])("accepts %j", (path) => {
    expect(isLocalPath(path, site)).toBe(true);
  });
  it.each([
    "//evil.example",
    "/\\evil.example",
    "/a\\b",
    "/a\tb",
    "/a b",
    "/a\u0000",
    "espace",
    "https://social.aurillac.fr/",
    "/./x",
    "/a/../b",
  ])("refuses %j", (path) => {
    expect(isLocalPath(path, site)).toBe(false);
  });
});
