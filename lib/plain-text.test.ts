import { describe, expect, it } from "vitest";
import { parsePlainText, safeHref } from "./plain-text";

describe("parsePlainText", () => {
  it("makes paragraphs of blank-line separated blocks, and keeps single line breaks", () => {
    expect(parsePlainText("Un\ndeux\n\n\n  trois  \r\n\r\n")).toEqual([
      [{ kind: "text", text: "Un" }, { kind: "break" }, { kind: "text", text: "deux" }],
      [{ kind: "text", text: "trois" }],
    ]);
    expect(parsePlainText("   \n\n ")).toEqual([]);
  });

  it("links bare https, http and mailto addresses, leaving a sentence's punctuation out", () => {
    expect(parsePlainText("Voir https://www.example.fr/page?a=1. Ou mailto:dpo@example.fr, merci.")).toEqual([
      [
        { kind: "text", text: "Voir " },
        { kind: "link", href: "https://www.example.fr/page?a=1", label: "https://www.example.fr/page?a=1" },
        { kind: "text", text: ". Ou " },
        { kind: "link", href: "mailto:dpo@example.fr", label: "mailto:dpo@example.fr" },
        { kind: "text", text: ", merci." },
      ],
    ]);
  });

  it("links [words](address) with a safe address", () => {
    expect(parsePlainText("Écrire à [la Ville](https://ville.example/contact) ici")).toEqual([
      [
        { kind: "text", text: "Écrire à " },
        { kind: "link", href: "https://ville.example/contact", label: "la Ville" },
        { kind: "text", text: " ici" },
      ],
    ]);
  });

  it("never makes a link of javascript:, data: or vbscript: addresses: they stay text", () => {
    for (const payload of [
      "[clic](javascript:alert(1))",
      "[clic](JaVaScRiPt:alert(1))",
      "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[clic](vbscript:msgbox(1))",
      "javascript:alert(document.cookie)",
      "[clic](//evil.example)",
      "[clic](/relatif)",
    ]) {
      const segments = parsePlainText(payload).flat();
      expect(
        segments.every((s) => s.kind === "text"),
        payload,
      ).toBe(true);
      expect(segments.map((s) => (s.kind === "text" ? s.text : "")).join("")).toBe(payload);
    }
  });

  it("keeps HTML as text (React escapes it), and an address cannot break out of its attribute", () => {
    const html = `<script>alert(1)</script><img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a>`;
    const segments = parsePlainText(html).flat();
    expect(segments.every((s) => s.kind === "text")).toBe(true);
    const quoted = parsePlainText(`https://a.example/"onmouseover="alert(1)`).flat();
    expect(quoted[0]).toEqual({ kind: "link", href: "https://a.example/", label: "https://a.example/" });
    expect(quoted.slice(1).every((s) => s.kind === "text")).toBe(true);
  });
});

describe("safeHref", () => {
  it("accepts https, http and mailto only", () => {
    expect(safeHref("https://example.fr")).toBe("https://example.fr/");
    expect(safeHref("http://example.fr/a b")).toBe("http://example.fr/a%20b");
    expect(safeHref("mailto:a@b.fr")).toBe("mailto:a@b.fr");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref("ftp://example.fr")).toBeNull();
    expect(safeHref("pas une adresse")).toBeNull();
  });
});
