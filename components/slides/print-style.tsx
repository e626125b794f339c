/*
 * Styles of the slide pages beyond the page itself: printing gives one slide per A4 landscape
 * page, without the site's header and footer; the public slides stack their columns on a narrow
 * screen; the projector's toolbar hides in the browser's full screen; `presenting` also hides the header and footer on screen (the slides cover the viewport,
 * and nothing behind them should take the keyboard focus).
 */
export function SlidePageStyle({ presenting = false }: { presenting?: boolean }) {
  const css = `
@page { size: A4 landscape; margin: 0; }
@media print {
  body > :not(main) { display: none !important; }
  main { padding: 0 !important; }
  .slide-page { break-inside: avoid; }
  .slide-page:not(:last-child) { break-after: page; }
}
/* The public slides on a narrow screen: columns stack, the text keeps a readable size. */
@container (max-width: 48rem) {
  .slide-flow .slide-grid { grid-template-columns: minmax(0, 1fr); }
  .slide-flow .slide-split { flex-direction: column; align-items: flex-start; }
  .slide-flow .slide-pad { padding: 1em; }
}
${presenting ? "@media screen { body > :not(main) { display: none !important; } main { padding: 0 !important; } }" : ""}
/* The browser's own full screen (F11) hides the projector's toolbar too. */
@media (display-mode: fullscreen) { [data-projector-toolbar] { display: none !important; } }
`;
  return <style>{css}</style>;
}
