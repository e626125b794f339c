import { splitHighlight } from "@/lib/search";

/**
 * A text from the search with its matched words in <mark>. The text is never read as HTML: it is
 * split on the highlight's private-use markers (lib/search.ts) and every part is a React text node,
 * so « <script> » typed in a contribution is shown as typed.
 */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlight(text).map((part, i) =>
        part.marked ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-950">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
