/**
 * Splits plain text into text and web links, for display. Only `http://` and `https://` addresses
 * become links (never `javascript:`, `data:` or anything else); punctuation that ends a sentence
 * stays outside the link.
 */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string; text: string };

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    let url = match[0];
    const trailing = /[.,;:!?)\]»]+$/.exec(url)?.[0] ?? "";
    // Keep a closing parenthesis that belongs to the address (« …/Foo_(bar) »).
    const cut = trailing.startsWith(")") && url.includes("(") ? trailing.slice(1) : trailing;
    url = url.slice(0, url.length - cut.length);
    const start = match.index;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    let valid = false;
    try {
      const parsed = new URL(url);
      valid = parsed.protocol === "http:" || parsed.protocol === "https:";
    } catch {}
    parts.push(valid ? { kind: "link", href: url, text: url } : { kind: "text", text: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
