import { splitLinks } from "@/lib/links";

/**
 * A contribution's plain text: paragraphs and line breaks kept, web addresses made clickable,
 * nothing else interpreted — React escapes every character, so HTML typed by someone is shown as
 * text, never run, and only http(s) addresses become links (lib/links.ts).
 */
export function ContributionText({ text, className = "" }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <div className={`space-y-3 break-words ${className}`}>
      {paragraphs.map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {splitLinks(p).map((part, j) =>
            part.kind === "link" ? (
              <a
                key={j}
                href={part.href}
                rel="nofollow ugc noopener noreferrer"
                className="break-all text-blue-800 underline underline-offset-4 hover:text-blue-950"
              >
                {part.text}
              </a>
            ) : (
              part.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}
