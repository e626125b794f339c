import { LOGO_MAX_BYTES, type LogoExtension, logoTypes } from "./city-identity";

/*
 * What a logo file is, from its bytes (never from its name or the type the browser declares): a
 * PNG by its signature, or an SVG by its text. An SVG may carry script; it is only ever shown
 * through <img> (where browsers run none) and served with a sandboxing Content-Security-Policy
 * (app/identite/[file]/route.ts), and on top of that a file with anything active in it is refused
 * here, so that opening its address directly is harmless too. Browser-safe, no I/O.
 */

export type SniffedLogo = { ok: true; extension: LogoExtension; type: string } | { ok: false; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** An SVG document: optional XML declaration and comments, then the <svg> root. */
const SVG_START = /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

/** Anything that could run, load or expand: scripts, event handlers, embedded documents, entities, script URLs. */
const SVG_ACTIVE =
  /<\s*script|<\s*foreignobject|<\s*iframe|<\s*embed|<\s*object|<\s*handler|<\s*animate|<\s*set[\s>]|<!doctype|<!entity|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html|@import|url\s*\(\s*['"]?\s*(https?:|\/\/)/i;

export const LOGO_TOO_BIG = `Le logo est trop lourd : ${Math.round(LOGO_MAX_BYTES / 1024)} Ko au plus.`;
export const LOGO_NOT_AN_IMAGE = "Ce fichier n'est ni une image PNG ni une image SVG. Choisissez un logo au format PNG ou SVG.";
export const LOGO_ACTIVE_SVG =
  "Ce fichier SVG contient du script, des liens vers d'autres sites ou des éléments actifs : enregistrez-le en SVG simple (sans script), ou en PNG.";

export function sniffLogo(bytes: Uint8Array): SniffedLogo {
  if (bytes.length === 0) return { ok: false, message: "Choisissez un fichier PNG ou SVG." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: LOGO_TOO_BIG };
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return { ok: true, extension: "png", type: logoTypes.png };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: LOGO_NOT_AN_IMAGE };
  }
  if (!SVG_START.test(text) || !/<\/svg\s*>\s*$/i.test(text)) return { ok: false, message: LOGO_NOT_AN_IMAGE };
  if (SVG_ACTIVE.test(text)) return { ok: false, message: LOGO_ACTIVE_SVG };
  return { ok: true, extension: "svg", type: logoTypes.svg };
}
