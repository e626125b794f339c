import { describe, expect, it } from "vitest";
import { csvTable } from "./csv";

describe("csvTable", () => {
  it("writes a byte-order mark, `;` between cells, CRLF after every line", () => {
    expect(
      csvTable(
        ["mois", "reçues"],
        [
          ["2026-11", 3],
          ["2026-12", null],
        ],
      ),
    ).toBe("\uFEFFmois;reçues\r\n2026-11;3\r\n2026-12;\r\n");
  });

  it("quotes cells holding a separator, a quote, a line break or edge spaces", () => {
    const line = csvTable(["a"], [["un;deux"], ['dit "oui"'], ["deux\nlignes"], [" espace"]])
      .split("\r\n")
      .slice(1, -1);
    expect(line).toEqual(['"un;deux"', '"dit ""oui"""', '"deux\nlignes"', '" espace"']);
  });

  it("never lets a text be read as a formula; numbers stay numbers", () => {
    const [, ...rows] = csvTable(
      ["a", "b"],
      [
        ["=SOMME(A1:A9)", -3],
        ["+33", 2.5],
        ["@cmd", 0],
      ],
    ).split("\r\n");
    expect(rows.slice(0, 3)).toEqual(["'=SOMME(A1:A9);-3", "'+33;2.5", "'@cmd;0"]);
  });
});
