/**
 * A button of the projector's toolbar (white on dark), compact so that the whole toolbar holds on
 * one line at 1280 px. Shared with the freeze controls drawn by the page.
 */
export const projectorButtonClass =
  "inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-md border-2 border-white px-2 text-sm font-semibold whitespace-nowrap text-white hover:bg-white hover:text-slate-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-yellow-300 disabled:opacity-50";
