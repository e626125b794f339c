import { describe, expect, it } from "vitest";
import { isPublicPath } from "../lib/sections.mjs";
import { acceptsGzip, nextEtagsOf, stripScripts, strippedEtag } from "./public-html.mjs";

describe("public pages without scripts", () => {
  it("removes every script, inline or not, and the links that preload them; keeps the rest", () => {
    const html = [
      '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
      '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
      '<link rel="preload" href="/font.woff2" as="font" type="font/woff2" crossorigin=""/>',
      '<link rel="icon" href="/icon.svg"/>',
      '<script src="/_next/static/chunks/d.js" async=""></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      "<title>Accueil</title></head><body><main><h1>Projet social</h1>",
      '<form action="/recherche" method="get"><input name="q"/></form>',
      "<p>Un texte qui parle de &lt;script&gt;alert(1)&lt;/script&gt;</p></main>",
      '<script nonce="abc">(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<script>self.__next_f.push([1,"\\u003c/script\\u003e le contenu"])</script>',
      "</body></html>",
    ].join("");
    const out = stripScripts(html);
    expect(out).not.toBeNull();
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain("b.js");
    expect(out).not.toContain("c.js");
    for (const kept of [
      "a.css",
      "font.woff2",
      "icon.svg",
      "<h1>Projet social</h1>",
      '<form action="/recherche" method="get">',
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "</body></html>",
    ]) {
      expect(out).toContain(kept);
    }
  });

  it("leaves Next's error shell alone: React fills it (the 404 of an unknown fiche)", () => {
    expect(
      stripScripts(
        '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>self.__next_f.push([1,"404"])</script></body></html>',
      ),
    ).toBeNull();
  });

  it("leaves a page alone when a streamed part still waits for its script", () => {
    expect(
      stripScripts('<body><!--$?--><template id="B:0"></template><p>Chargement</p><!--/$--><script>$RC("B:0","S:0")</script></body>'),
    ).toBeNull();
  });

  it("renames Next's ETag after the transform, and back for Next's own If-None-Match check", () => {
    const etag = '"abc123"';
    expect(strippedEtag(etag)).not.toBe(etag);
    expect(nextEtagsOf(strippedEtag(etag))).toBe(etag);
    expect(nextEtagsOf(`${strippedEtag('"a"')}, ${strippedEtag('"b"')}`)).toBe('"a", "b"');
    // Next's own tag came with the page's scripts: it must not validate the page without them.
    expect(nextEtagsOf('"abc123"')).toBe("");
    expect(nextEtagsOf(`"old", ${strippedEtag('"new"')}`)).toBe('"new"');
    expect(nextEtagsOf("*")).toBe("*");
  });

  it("reads Accept-Encoding", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it("only public sections lose their scripts: signed-in spaces, staff and sign-in pages keep them", () => {
    for (const open of [
      "/",
      "/fiches/accompagnement-parentalite",
      "/thematiques/x",
      "/recherche",
      "/moderation/registre",
      "/moderation/registre/2026-11",
      "/page-introuvable",
    ]) {
      expect(isPublicPath(open), open).toBe(true);
    }
    for (const closed of [
      "/espace",
      "/espace/conseils/c",
      "/moderation",
      "/moderation/signalements",
      "/admin/utilisateurs",
      "/connexion",
      "/mot-de-passe-oublie",
      "/invitation/jeton",
      "/reponses/1",
      "/tableau-de-bord",
      "/presentation/c",
      "/_next/static/chunks/a.js",
      "/api/auth/session",
    ]) {
      expect(isPublicPath(closed), closed).toBe(false);
    }
  });
});
