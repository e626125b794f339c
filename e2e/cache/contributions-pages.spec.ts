import { expect, test } from "@playwright/test";
import { council1 } from "../council/helpers";

/* The pages of contributions are static like the fiche and the council page: served from cache, 404 past the last page. */
test("the pages of contributions are served from cache; an impossible page is not found", async ({ request }) => {
  for (const path of ["/fiches/restructuration-centre-ville/contributions/1", `/conseils/${council1.slug}/contributions/1`]) {
    await request.get(path);
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
  }
  for (const path of [
    "/fiches/restructuration-centre-ville/contributions/0",
    "/fiches/restructuration-centre-ville/contributions/abc",
    "/fiches/restructuration-centre-ville/contributions/999",
    "/fiches/fiche-inconnue/contributions/1",
    `/conseils/${council1.slug}/contributions/999`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
