import { describe, expect, it } from "vitest";
import { decode, encode, redisPrefix } from "./cache-handler.mjs";

describe("the shared cache's entries", () => {
  it("come back from JSON as they went in: Buffers, Maps of Buffers, texts, numbers", () => {
    const entry = {
      lastModified: 1,
      cacheControl: { revalidate: 3600, expire: 31536000 },
      value: {
        kind: "APP_PAGE",
        html: "<p>Café « crème »</p>",
        rscData: Buffer.from([0, 255, 254, 10, 0x41]),
        segmentData: new Map([["/_tree", Buffer.from("arbre")]]),
        headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/fiches/a" },
        status: 200,
        postponed: undefined,
      },
    };
    const back = decode(JSON.parse(JSON.stringify(encode(entry)))) as typeof entry;
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect([...back.value.rscData]).toEqual([0, 255, 254, 10, 0x41]);
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get("/_tree")!.toString()).toBe("arbre");
    expect(back.value.html).toBe(entry.value.html);
    expect(back.value.headers).toEqual(entry.value.headers);
    expect(back.cacheControl).toEqual(entry.cacheControl);
    expect("postponed" in back.value).toBe(false);
  });

  it("are kept under the site's prefix, psc unless REDIS_PREFIX says otherwise", () => {
    expect(redisPrefix(undefined)).toBe("psc");
    expect(redisPrefix("  ")).toBe("psc");
    expect(redisPrefix("psc-essai")).toBe("psc-essai");
  });
});
