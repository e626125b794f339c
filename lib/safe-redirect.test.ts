import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const base = "https://social.aurillac.fr";

describe("callbackUrl only to this site", () => {
  it("keeps paths and absolute URLs of this site", () => {
    expect(safeCallbackPath("/espace/conseils/conseil-de-quartier-1", base)).toBe("/espace/conseils/conseil-de-quartier-1");
    expect(safeCallbackPath("https://social.aurillac.fr/admin?x=1#y", base)).toBe("/admin?x=1#y");
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
  ])("refuses %s", (candidate) => {
    expect(safeCallbackPath(candidate, base)).toBe("/espace");
  });
});
