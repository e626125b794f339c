import { describe, expect, it } from "vitest";
import { provenanceText, scanFileName, scanMediaType } from "./paper-contribution";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...Buffer.from(v, "latin1")] : [v])));

describe("scanMediaType", () => {
  it("reads PDF, PNG and JPEG from their first bytes", () => {
    expect(scanMediaType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(scanMediaType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(scanMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
  });

  it("refuses anything else, whatever its name: HTML, SVG, an empty or truncated file", () => {
    expect(scanMediaType(bytes("<html><script>alert(1)</script>"))).toBeNull();
    expect(scanMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(scanMediaType(bytes())).toBeNull();
    expect(scanMediaType(bytes("%PD"))).toBeNull();
    expect(scanMediaType(bytes(0x89, "PNG"))).toBeNull();
  });
});

describe("provenanceText", () => {
  it("agrees with the item and says how it came", () => {
    expect(provenanceText("proposal", "paper", "2026-03-01")).toBe("Reçue sur papier le 1er mars 2026 et saisie par la Ville");
    expect(provenanceText("feedback", "mail", "2026-03-12")).toBe("Reçu par courrier le 12 mars 2026 et saisi par la Ville");
    expect(provenanceText("feedback", "meeting", "2026-11-05")).toBe("Reçu en réunion le 5 novembre 2026 et saisi par la Ville");
  });
});

describe("scanFileName", () => {
  it("is ASCII with the type's extension", () => {
    expect(scanFileName(12, "application/pdf")).toBe("scan-contribution-12.pdf");
    expect(scanFileName(3, "image/jpeg")).toBe("scan-contribution-3.jpg");
  });
});
