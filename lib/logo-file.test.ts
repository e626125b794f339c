import { describe, expect, it } from "vitest";
import { LOGO_MAX_BYTES } from "./city-identity";
import { LOGO_ACTIVE_SVG, LOGO_NOT_AN_IMAGE, LOGO_TOO_BIG, sniffLogo } from "./logo-file";

const utf8 = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const SVG = `<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>\n`;

describe("sniffLogo", () => {
  it("knows a PNG by its signature and an SVG by its root element", () => {
    expect(sniffLogo(PNG)).toEqual({ ok: true, extension: "png", type: "image/png" });
    expect(sniffLogo(utf8(SVG))).toEqual({ ok: true, extension: "svg", type: "image/svg+xml" });
  });

  it("refuses what is neither, whatever its name would say", () => {
    for (const bytes of [
      utf8("GIF89a……"),
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
      utf8("<html><svg></svg></html>"),
      utf8("<svg>"),
      new Uint8Array([0xc3, 0x28, 0x3c, 0x73, 0x76, 0x67]),
    ])
      expect(sniffLogo(bytes)).toEqual({ ok: false, message: LOGO_NOT_AN_IMAGE });
  });

  it("refuses an SVG with script, event handlers, embedded documents, entities or external loads", () => {
    for (const inside of [
      "<script>alert(1)</script>",
      "<SCRIPT >alert(1)</SCRIPT>",
      '<rect onload="alert(1)"/>',
      '<rect\nonclick = "alert(1)"/>',
      '<a href="javascript:alert(1)"><rect/></a>',
      '<a xlink:href="JaVaScRiPt :alert(1)"><rect/></a>',
      "<foreignObject><iframe src=x></iframe></foreignObject>",
      '<animate attributeName="href" to="javascript:alert(1)"/>',
      '<set attributeName="onmouseover" to="alert(1)"/>',
      "<style>@import 'https://evil.example/a.css';</style>",
      "<rect style=\"fill:url('https://evil.example/x')\"/>",
    ]) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg">${inside}</svg>`;
      expect(sniffLogo(utf8(svg)), inside).toEqual({ ok: false, message: LOGO_ACTIVE_SVG });
    }
    const entity = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>`;
    expect(sniffLogo(utf8(entity)).ok).toBe(false);
  });

  it("refuses an empty file and one over the size limit", () => {
    expect(sniffLogo(new Uint8Array()).ok).toBe(false);
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG);
    expect(sniffLogo(big)).toEqual({ ok: false, message: LOGO_TOO_BIG });
  });
});
