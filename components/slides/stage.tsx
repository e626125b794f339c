import type { CSSProperties, ReactNode } from "react";

/*
 * A 16:9 slide. Its unit is 1/1920 of its width (container query units): the slide's text is
 * 32 px at 1920 px wide and scales with the stage, so a slide fits 16:9 without scrolling.
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
  const unit = variant === "flow" ? "max(calc(100cqw / 1920), 0.55px)" : "calc(100cqw / 1920)";
  const width = variant === "fit" ? "w-[min(100cqw,calc(100cqh*16/9))]" : "w-full";
  return (
    <div
      className={`relative aspect-video ${width} ${variant === "flow" ? "slide-flow [overflow-wrap:anywhere]" : "overflow-hidden"} bg-white text-slate-950 [container-type:inline-size] ${className}`}
      style={{ "--slide-unit": unit } as CSSProperties}
    >
      <div
        className={`slide-pad flex ${variant === "flow" ? "min-h-full" : "h-full"} flex-col p-[3em] pb-[2.5em] leading-normal`}
        style={{ fontSize: "calc(32 * var(--slide-unit))" }}
      >
        <div className="slide-body min-h-0 flex-1">{children}</div>
        {footer ? <div className="mt-[0.5em] flex items-end justify-between gap-[1em] text-[0.9375em] text-slate-800">{footer}</div> : null}
      </div>
    </div>
  );
}
