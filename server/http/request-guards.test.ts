import { describe, expect, it } from "vitest";
import { BODY_SIZE_LIMIT, UPLOAD_BODY_SIZE_LIMIT, checkRequest, guardRequest, isWellFormedPath, sameOrigin } from "./request-guards";

const site = "http://127.0.0.1:3000";
const headers = (h: Record<string, string>) => new Headers({ host: "127.0.0.1:3000", ...h });

describe("request guards", () => {
  it("let ordinary requests through", () => {
    expect(checkRequest("GET", `${site}/`, headers({}))).toBeNull();
    expect(checkRequest("GET", `${site}/fiches/ecole-du-quartier?page=2&q=%00`, headers({}))).toBeNull();
    expect(checkRequest("GET", `${site}/recherche/%C3%A9t%C3%A9`, headers({}))).toBeNull();
    expect(checkRequest("POST", `${site}/espace`, headers({ "next-action": "7f00", origin: site, "content-length": "120" }))).toBeNull();
    expect(checkRequest("POST", `${site}/espace`, headers({ "content-type": "multipart/form-data; boundary=x", origin: site }))).toBeNull();
    // No Origin: a hand-made request, which carries no one else's cookies (Next lets it through too).
    expect(checkRequest("POST", `${site}/espace`, headers({ "next-action": "7f00" }))).toBeNull();
    // next-auth's sign-in is a urlencoded POST to a route handler: not a server action.
    expect(
      checkRequest(
        "POST",
        `${site}/api/auth/callback/credentials`,
        headers({ "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }),
      ),
    ).toBeNull();
  });

  it("refuse a server action sent from another site with 403", () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "null", "not a url", "http://127.0.0.1:3000.evil.example"]) {
      expect(checkRequest("POST", `${site}/espace`, headers({ "next-action": "7f00", origin }))?.status, origin).toBe(403);
      expect(
        checkRequest("POST", `${site}/espace`, headers({ "content-type": "multipart/form-data; boundary=x", origin }))?.status,
        origin,
      ).toBe(403);
    }
  });

  it("compare the Origin with X-Forwarded-Host first, as Next does", () => {
    expect(sameOrigin(headers({ origin: "https://social.aurillac.fr", "x-forwarded-host": "social.aurillac.fr, proxy.local" }))).toBe(true);
    expect(sameOrigin(headers({ origin: site, "x-forwarded-host": "social.aurillac.fr" }))).toBe(false);
    expect(sameOrigin(new Headers({ origin: site }))).toBe(false);
  });

  it("refuse a body announced over the limit with 413", () => {
    expect(
      checkRequest("POST", `${site}/espace`, headers({ "next-action": "7f00", "content-length": String(BODY_SIZE_LIMIT + 1) }))?.status,
    ).toBe(413);
    expect(
      checkRequest("POST", `${site}/espace`, headers({ "next-action": "7f00", "content-length": String(BODY_SIZE_LIMIT) })),
    ).toBeNull();
    expect(checkRequest("POST", `${site}/api/auth/callback/credentials`, headers({ "content-length": "50000000" }))?.status).toBe(413);
  });

  it("let the recording page of paper contributions receive a scan (up to 6 MB), and only it", () => {
    const post = (path: string, length: number) =>
      checkRequest("POST", `${site}${path}`, headers({ "next-action": "7f00", "content-length": String(length) }));
    expect(post("/moderation/papier", UPLOAD_BODY_SIZE_LIMIT)).toBeNull();
    expect(post("/moderation/papier", UPLOAD_BODY_SIZE_LIMIT + 1)?.message).toContain("5 Mo");
    expect(post("/admin/plan/importer", UPLOAD_BODY_SIZE_LIMIT)).toBeNull();
    expect(post("/admin/plan/importer", UPLOAD_BODY_SIZE_LIMIT + 1)?.message).toContain("5 Mo");
    expect(post("/moderation", BODY_SIZE_LIMIT + 1)?.status).toBe(413);
    expect(post("/moderation/papier/autre", BODY_SIZE_LIMIT + 1)?.status).toBe(413);
  });

  it("refuse malformed percent-encoding and control characters in the path with 400", () => {
    for (const path of [
      "/fiches/%ff",
      "/fiches/%E0%A4%A",
      "/fiches/%",
      "/fiches/%00",
      "/reunions/%00/diaporama",
      "/fiches/a%0Ab",
      "/%7F",
      "/fiches/%C2%85",
      "/fiches/%ED%A0%80",
    ]) {
      expect(isWellFormedPath(path), path).toBe(false);
      expect(checkRequest("GET", `${site}${path}`, headers({}))?.status, path).toBe(400);
    }
    expect(isWellFormedPath("/fiches/%C3%A9cole")).toBe(true);
  });

  it("answer 404 for a path segment longer than any address of the site, before Next caches it under that name", () => {
    const long = "x".repeat(201);
    for (const path of [`/thematiques/${long}`, `/reunions/${long}/diaporama`, `/${"%C3%A9".repeat(201)}`]) {
      expect(checkRequest("GET", `${site}${path}`, headers({}))?.status, path).toBe(404);
    }
    expect(checkRequest("GET", `${site}/thematiques/${"x".repeat(200)}`, headers({}))).toBeNull();
  });

  it("refuse a multipart body without boundary with 400", () => {
    expect(checkRequest("POST", `${site}/espace`, headers({ "next-action": "7f00", "content-type": "multipart/form-data" }))?.status).toBe(
      400,
    );
    expect(checkRequest("POST", `${site}/espace`, headers({ "content-type": "multipart/form-data; charset=utf-8" }))?.status).toBe(400);
    expect(checkRequest("POST", `${site}/espace`, headers({ "content-type": 'multipart/form-data; boundary="a b"' }))).toBeNull();
  });

  it("answer in French, never cached", async () => {
    const response = guardRequest(new Request(`${site}/fiches/%ff`));
    expect(response?.status).toBe(400);
    expect(response?.headers.get("cache-control")).toBe("no-store");
    expect(await response?.text()).toMatch(/Adresse invalide/);
    expect(guardRequest(new Request(`${site}/fiches/ecole`))).toBeNull();
  });
});
