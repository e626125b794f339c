import type { CSSProperties, ReactNode } from "react";

/*
 * A 16:9 slide. Its unit is 1/1920 of its width (container query units): the slide's text is
 * 44 px at 1920 px wide (read from the back of a room) and scales with the stage, so a slide fits
 * 16:9 without scrolling (server/meetings/slide-pages.ts splits what would not fit).
 * - "fit": as large as its parent box allows (the projector; the parent is a size container);
 * - "fill": the width of its parent (the presenter's thumbnails, print);
 * - "flow": the width of its parent, but text never smaller than a readable size on a phone
 *   (the slide then grows taller than 16:9 instead of shrinking its text or spilling over).
 */
export function Stage({
  variant,
  footer,
  className = "",
  children,
}: {
  variant: "fit" | "fill" | "flow";
  footer?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const unit = variant === "flow" ? "max(calc(100cqw / 1920), 0.4px)" : "calc(100cqw / 1920)";
  const width = variant === "fit" ? "w-[min(100cqw,calc(100cqh*16/9))]" : "w-full";
  return (
    <div
      className={`slide-stage relative aspect-video ${width} ${variant === "flow" ? "slide-flow [overflow-wrap:anywhere]" : "overflow-hidden"} bg-white text-slate-950 [container-type:inline-size] ${className}`}
      style={{ "--slide-unit": unit } as CSSProperties}
    >
      <div
        className={`slide-pad flex ${variant === "flow" ? "min-h-full" : "h-full"} flex-col px-[1.5em] pt-[1.25em] pb-[1em] leading-[1.35]`}
        style={{ fontSize: "calc(44 * var(--slide-unit))" }}
      >
        <div className="slide-body min-h-0 flex-1">{children}</div>
        {footer ? <div className="slide-footer mt-[0.4em] flex items-end justify-between gap-[1em] text-slate-800">{footer}</div> : null}
      </div>
    </div>
  );
}
