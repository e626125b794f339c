/**
 * The site's icon (the tab, the bookmarks): a house, white on the header's blue (Tailwind's
 * blue-900), written into every page's <head> as a data: address. Written in the page, it costs
 * no request: without one, the browser asks every site for /favicon.ico, and here that was a 404
 * rendered by Next on each first visit. (It also took the 404 out of Lighthouse's estimate of the
 * first paint: docs/benchmark.md, « 2026-11-30, 20:02 ».)
 */
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#1c398e"/>' +
  '<path d="M5 16.5 16 7l11 9.5h-3.5V25h-5v-6h-5v6h-5v-8.5z" fill="#fff"/>' +
  "</svg>";

export const SITE_ICON = `data:image/svg+xml,${encodeURIComponent(svg)}`;
