import { formatDay } from "./dates";

/*
 * Contributions received on paper, by mail or said in a meeting, and recorded by the City for a
 * council (issue 11): how their provenance is written, and what a scan of the paper may be.
 */

export const receipts = ["paper", "mail", "meeting"] as const;
export type Receipt = (typeof receipts)[number];

/** The choices of the recording form. */
export const receiptLabels: Record<Receipt, string> = {
  paper: "Sur papier (remis en main propre ou déposé)",
  mail: "Par courrier",
  meeting: "Dite en réunion",
};

/** The open data's codes (stable, in French, like its other codes); an online contribution has none. */
export const receiptCodes: Record<Receipt, string> = { paper: "papier", mail: "courrier", meeting: "reunion" };

const how: Record<Receipt, string> = { paper: "sur papier", mail: "par courrier", meeting: "en réunion" };

/**
 * « Reçue sur papier le 3 mars 2026 et saisie par la Ville » — the participles agree with the
 * item (une proposition, un avis), as « Proposée par … » and « Publié par … » do on its card.
 */
export function provenanceText(kind: "feedback" | "proposal", receivedVia: Receipt, receivedOn: string): string {
  const e = kind === "proposal" ? "e" : "";
  return `Reçu${e} ${how[receivedVia]} le ${formatDay(receivedOn)} et saisi${e} par la Ville`;
}

/**
 * Who wrote an item, on the staff's and the council's pages: the display name (or the name as
 * written on the paper); else, for an item received outside the site, that no name was given;
 * else the account is gone.
 */
export function authorLabel(item: { authorName: string | null; receivedVia: Receipt | null }): string {
  return item.authorName ?? (item.receivedVia ? "un membre du conseil (nom non indiqué)" : "un ancien compte");
}

/** A scan of the paper: at most 5 MB (the server action's body limit leaves room for the text, next.config.js). */
export const SCAN_MAX_BYTES = 5 * 1024 * 1024;
export const SCAN_TOO_BIG = "Le scan dépasse 5 Mo : réduisez-le (moins de pages, une résolution plus basse), puis choisissez-le à nouveau.";
export const SCAN_WRONG_TYPE = "Le scan doit être un fichier PDF, PNG ou JPEG.";
export const SCAN_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

export type ScanMediaType = "application/pdf" | "image/png" | "image/jpeg";

const signatures: [ScanMediaType, number[]][] = [
  ["application/pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
];

/**
 * The type of a scan read from its first bytes (what the browser declares is not trusted: a page
 * of HTML named scan.pdf is refused), or null if it is none of PDF, PNG, JPEG.
 */
export function scanMediaType(bytes: Uint8Array): ScanMediaType | null {
  for (const [type, magic] of signatures) if (magic.every((b, i) => bytes[i] === b)) return type;
  return null;
}

/** The file name a downloaded scan gets (ASCII only: no header injection through a name). */
export function scanFileName(contributionId: number, type: ScanMediaType): string {
  const extension = type === "application/pdf" ? "pdf" : type === "image/png" ? "png" : "jpg";
  return `scan-contribution-${contributionId}.${extension}`;
}
