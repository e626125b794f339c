/*
 * The City's texts (legal notice, accessibility, personal data) are typed by an admin as plain
 * text, never HTML: a blank line starts a paragraph, a line break stays a line break, and two
 * kinds of links are recognised — a bare address (`https://…`, `http://…`, `mailto:…`) and
 * `[words](https://…)`. Everything else is text, which React escapes when it renders it
 * (components/ui/plain-text.tsx): a `<script>` typed here is shown, never run, and a
 * `javascript:` address is never a link. Browser-safe, no I/O.
 */

export type Segment = { kind: "text"; text: string } | { kind: "link"; href: string; label: string } | { kind: "break" };
export type Paragraph = Segment[];

/** The only schemes a link may have. */
const SAFE_SCHEMES = new Set(["https:", "http:", "mailto:"]);

/** `[words](address)` or a bare address; the address stops at a space, a quote or an angle bracket. */
const LINK = /\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)|\b(https?:\/\/[^\s<>"'`]{1,2000}|mailto:[^\s<>"'`]{1,500})/gi;

/** Punctuation that ends a sentence after a bare address rather than belonging to it. */
const TRAILING = /[.,;:!?»)\]]+$/;

/** The address as a link target if it is one of the safe schemes and parses, or null. */
export function safeHref(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname) return null;
  return url.href;
}

function pushText(out: Segment[], text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.kind === "text") last.text += text;
  else out.push({ kind: "text", text });
}

/** One line's text and links. */
function parseLine(line: string, out: Segment[]) {
  let at = 0;
  for (const match of line.matchAll(LINK)) {
    const [whole, label, bracketed, bare] = match;
    let consumed = whole;
    let link: Segment | null = null;
    if (bracketed !== undefined) {
      const href = safeHref(bracketed);
      // An unsafe `[words](javascript:…)` stays as typed, as text.
      if (href) link = { kind: "link", href, label: label!.trim() || bracketed };
    } else if (bare !== undefined) {
      const address = bare.replace(TRAILING, "");
      consumed = address;
      const href = safeHref(address);
      if (href) link = { kind: "link", href, label: address };
    }
    pushText(out, line.slice(at, match.index));
    if (link) out.push(link);
    else pushText(out, consumed);
    // A bare address's trailing punctuation is left for the text that follows.
    at = match.index + consumed.length;
  }
  pushText(out, line.slice(at));
}

/** The paragraphs of a text (blank lines between them), each a list of texts, links and line breaks. */
export function parsePlainText(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const out: Segment[] = [];
      block.split("\n").forEach((line, i) => {
        if (i > 0) out.push({ kind: "break" });
        parseLine(line.trim(), out);
      });
      return out;
    });
}
