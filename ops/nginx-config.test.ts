import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRIVATE_SECTIONS, PUBLIC_SECTIONS, PUBLIC_UNDER_PRIVATE } from "@/lib/crawl";

/*
 * deploy/nginx/psc.conf never micro-caches the signed-in spaces, staff, sign-in and account pages
 * nor the API: its list of private paths must be lib/crawl.ts's (every section of app/ is classified
 * there, and lib/crawl.test.ts fails for a new one). Here the map's regular expressions are read from
 * the file and run as nginx runs them: in order, the first that matches wins.
 */
const config = readFileSync(path.join(import.meta.dirname, "..", "deploy", "nginx", "psc.conf"), "utf8");

function privatePathRules(): { pattern: RegExp; value: string }[] {
  const block = config.match(/map \$uri \$psc_private_path \{([\s\S]*?)\n\}/);
  if (!block) throw new Error("map $uri $psc_private_path introuvable dans deploy/nginx/psc.conf");
  return [...block[1]!.matchAll(/^\s*"~(.+)"\s+(\d);/gm)].map((m) => ({ pattern: new RegExp(m[1]!), value: m[2]! }));
}

function isPrivate(uri: string): boolean {
  return privatePathRules().find((rule) => rule.pattern.test(uri))?.value === "1";
}

describe("the nginx micro-cache's private paths", () => {
  it("are every private section of the site, with what lies under them", () => {
    expect(privatePathRules().length).toBeGreaterThanOrEqual(2);
    for (const section of PRIVATE_SECTIONS) {
      expect(isPrivate(section), section).toBe(true);
      expect(isPrivate(`${section}/quelque-chose`), section).toBe(true);
    }
  });

  it("leave the public pages cached, the moderation register included", () => {
    for (const section of [...PUBLIC_SECTIONS, ...PUBLIC_UNDER_PRIVATE]) expect(isPrivate(section), section).toBe(false);
    expect(isPrivate("/moderation/registre/2026-10")).toBe(false);
    expect(isPrivate("/fiches/pilotage-projet-social")).toBe(false);
    // A public address that only starts like a private one.
    expect(isPrivate("/espaces-verts")).toBe(false);
    expect(isPrivate("/moderation-publique")).toBe(false);
  });

  it("recognise the session cookie in every form next-auth gives it", () => {
    const block = config.match(/map \$http_cookie \$psc_signed_in \{\s*"~(.+)" 1;/);
    expect(block).not.toBeNull();
    const signedIn = new RegExp(block![1]!);
    for (const cookie of [
      "next-auth.session-token=abc",
      "a=1; next-auth.session-token=abc",
      "a=1;__Secure-next-auth.session-token=abc",
      "next-auth.session-token.0=abc; next-auth.session-token.1=def",
    ]) {
      expect(signedIn.test(cookie), cookie).toBe(true);
    }
    for (const cookie of ["", "next-auth.csrf-token=abc", "next-auth.callback-url=x", "my-next-auth.session-token=abc"]) {
      expect(signedIn.test(cookie), cookie).toBe(false);
    }
  });
});
