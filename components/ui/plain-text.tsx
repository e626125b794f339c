import { Fragment } from "react";
import { parsePlainText } from "@/lib/plain-text";
import { TextLink } from "./text-link";

/**
 * A text the City typed in its settings, as paragraphs with their links (lib/plain-text.ts).
 * Never HTML: every piece is a React text node or a link whose address was checked.
 */
export function PlainText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`space-y-4 ${className}`}>
      {parsePlainText(text).map((paragraph, p) => (
        <p key={p}>
          {paragraph.map((segment, s) =>
            segment.kind === "text" ? (
              <Fragment key={s}>{segment.text}</Fragment>
            ) : segment.kind === "break" ? (
              <br key={s} />
            ) : (
              <TextLink key={s} href={segment.href}>
                {segment.label}
              </TextLink>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
